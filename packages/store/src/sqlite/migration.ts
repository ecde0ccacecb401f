/**
 * One schema migration: SQL statements applied in order inside one transaction.
 * `rebuildsTables`: the migration recreates a table (create new, copy, drop, rename). The runner then turns
 * `foreign_keys` off OUTSIDE the transaction (SQLite ignores the pragma inside one), checks
 * `PRAGMA foreign_key_check` before committing and turns enforcement back on, as SQLite's ALTER TABLE docs require.
 * Without it, dropping a parent would cascade-delete or reject its children (RELIABILITY B4).
 */
export type Migration = {
  /** Sortable id, e.g. `0001`; applied in ascending order, recorded in `schema_migrations`. */
  id: string;
  name: string;
  statements: readonly string[];
  rebuildsTables?: boolean;
};
