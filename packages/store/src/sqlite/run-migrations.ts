import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';
import { foreignKeyViolations, setForeignKeys } from './pragmas.js';

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in id order, each in its own IMMEDIATE transaction
 * (the check "already applied?" runs inside it, so two processes opening one file apply each migration once).
 * Idempotent: a reopen applies nothing. Returns the ids applied now.
 */
export function runMigrations(db: Database, migrations: readonly Migration[], now: () => Date = () => new Date()) {
  db.exec(CREATE_LEDGER);
  const isApplied = db.prepare<[string], { id: string }>('SELECT id FROM schema_migrations WHERE id = ?');
  const record = db.prepare<[string, string, string]>(
    'INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)',
  );
  const ordered = [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const applied: string[] = [];
  for (const migration of ordered) {
    if (isApplied.get(migration.id)) continue;
    const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (migration.rebuildsTables && foreignKeysWereOn) setForeignKeys(db, false);
    try {
      const apply = db.transaction(() => {
        if (isApplied.get(migration.id)) return false;
        for (const statement of migration.statements) db.exec(statement);
        if (migration.rebuildsTables && foreignKeysWereOn) {
          const violations = foreignKeyViolations(db);
          if (violations.length > 0) {
            throw new Error(`Migration ${migration.id} breaks foreign keys: ${JSON.stringify(violations.slice(0, 5))}`);
          }
        }
        record.run(migration.id, migration.name, now().toISOString());
        return true;
      });
      if (apply.immediate()) applied.push(migration.id);
    } finally {
      if (migration.rebuildsTables && foreignKeysWereOn) setForeignKeys(db, true);
    }
  }
  return applied;
}
