import { registerQueryFunctions } from './sqlite/query/register-query-functions.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { RecordRepository } from './records/record-repository.js';
import type { Migration } from './sqlite/migration.js';
import { SQLITE_MIGRATIONS } from './sqlite/migrations/index.js';
import { startBackgroundCheckpointer } from './sqlite/background-checkpointer.js';
import { applyPragmas, type SynchronousMode } from './sqlite/pragmas.js';
import { prepareRecordStatements } from './sqlite/record-statements.js';
import { runMigrations } from './sqlite/run-migrations.js';
import * as tables from './sqlite/tables/index.js';

export type StoreOptions = {
  /** The SQLite file; its folder is created if missing. */
  path: string;
  /** NORMAL (default): a killed process loses nothing committed; a power cut may lose the last moments. */
  synchronous?: SynchronousMode;
  /** Migrations to run at open; the system migrations by default (tests add their own). */
  migrations?: readonly Migration[];
  /** Clock for record timestamps and serial periods. */
  now?: () => Date;
  /**
   * How the WAL is copied back into the database. `inline` (default): SQLite's own auto-checkpoint at the commit
   * that passes 1,000 pages, fine for tests and CLI commands. `server`: a worker thread copies it every 200 ms and
   * this connection checkpoints only past `SERVER_AUTOCHECKPOINT_PAGES`, the backstop that lets the log start over
   * (see background-checkpointer.ts and docs/benchmarks.md: copying back inline was the largest cost of a create).
   */
  checkpoints?: 'inline' | 'server';
};

/** The serving connection's auto-checkpoint (pages) when a worker checkpoints: 64 MiB of log at 4 KiB pages. */
export const SERVER_AUTOCHECKPOINT_PAGES = 16_384;

export type Store = {
  readonly path: string;
  /** The better-sqlite3 connection. */
  readonly db: Database.Database;
  /** Drizzle over the same connection, with the system tables, for typed queries. */
  readonly orm: BetterSQLite3Database<typeof tables>;
  readonly records: RecordRepository;
  close(): void;
};

/** Opens (creating if needed) a Formflow database: pragmas, migrations, prepared statements. */
export function openStore(options: StoreOptions): Store {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  try {
    applyPragmas(db, options.synchronous ?? 'NORMAL');
    // The fold function makes every filter semantic exact in SQL (text in sub-table rows and addresses).
    registerQueryFunctions(db);
    runMigrations(db, options.migrations ?? SQLITE_MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  const orm = drizzle({ client: db, schema: tables });
  const records = new RecordRepository(prepareRecordStatements(db), options.now);
  let checkpointer: ReturnType<typeof startBackgroundCheckpointer> | undefined;
  if (options.checkpoints === 'server') {
    db.pragma(`wal_autocheckpoint = ${SERVER_AUTOCHECKPOINT_PAGES}`);
    checkpointer = startBackgroundCheckpointer({ path: options.path });
  }
  return {
    path: options.path,
    db,
    orm,
    records,
    close: () => {
      // The worker makes a last checkpoint and closes after us; the last connection to close removes the log.
      void checkpointer?.stop();
      db.close();
    },
  };
}
