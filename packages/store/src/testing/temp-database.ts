import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { applyPragmas } from '../sqlite/pragmas.js';
import { tempDir } from './temp-dir.js';

/** A bare SQLite file with Formflow's pragmas and no migrations, in a fresh temp folder (migration tests). */
export function tempDatabase(): { db: Database.Database; path: string; close(): void } {
  const dir = tempDir();
  const path = dir.file('app.db');
  const db = new Database(path);
  applyPragmas(db, 'NORMAL');
  return {
    db,
    path,
    close: () => {
      db.close();
      dir.remove();
    },
  };
}

/** `tempDatabase()` made before each test of the file and closed after it; read `.db` inside the tests. */
export function useTempDatabase(): { readonly db: Database.Database } {
  let current: ReturnType<typeof tempDatabase> | undefined;
  beforeEach(() => {
    current = tempDatabase();
  });
  afterEach(() => current?.close());
  return {
    get db() {
      if (!current) throw new Error('useTempDatabase: read .db inside a test');
      return current.db;
    },
  };
}
