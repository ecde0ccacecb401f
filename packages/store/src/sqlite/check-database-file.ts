import Database from 'better-sqlite3';
import { integrityCheck } from './pragmas.js';

/** Opens a database file read-only and runs `PRAGMA integrity_check`: `'ok'` or the problem (for backups). */
export function checkDatabaseFile(path: string): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return integrityCheck(db);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}
