import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../store.js';

/**
 * An online backup to `targetPath` (SQLite's backup API via better-sqlite3 `db.backup()`), consistent while writers
 * run (RELIABILITY D4). Restoring = `openStore({ path: copy })`, a new instance; never copy over a live file.
 */
export async function backupTo(store: Store, targetPath: string, options: { pagesPerStep?: number } = {}) {
  mkdirSync(dirname(targetPath), { recursive: true });
  const pagesPerStep = options.pagesPerStep ?? 1000;
  return store.db.backup(targetPath, { progress: () => pagesPerStep });
}
