import type { Database } from 'better-sqlite3';

export type SynchronousMode = 'NORMAL' | 'FULL';

/** How long a writer waits for another connection's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The connection settings every Formflow SQLite connection runs with (RELIABILITY D3): WAL, `synchronous` NORMAL
 * (a killed process loses nothing committed; a power cut may lose the last moments) or FULL by configuration,
 * foreign keys enforced, and a busy timeout so concurrent writers queue instead of failing.
 */
export function applyPragmas(db: Database, synchronous: SynchronousMode): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)})`);
  db.pragma(synchronous === 'FULL' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

/** Turns foreign-key enforcement on or off. A no-op inside a transaction (SQLite ignores it there). */
export function setForeignKeys(db: Database, on: boolean): void {
  db.pragma(on ? 'foreign_keys = ON' : 'foreign_keys = OFF');
}

/** Rows of `PRAGMA foreign_key_check`: empty when every reference resolves. */
export function foreignKeyViolations(db: Database): unknown[] {
  return db.pragma('foreign_key_check') as unknown[];
}

/** `PRAGMA integrity_check`: 'ok' for a sound file. */
export function integrityCheck(db: Database): string {
  return String(db.pragma('integrity_check', { simple: true }));
}
