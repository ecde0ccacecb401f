import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupTo, checkDatabaseFile, openStore, type Store, type StoreOptions } from '@formflow/store';
import type { TextSink } from './text-sink.js';

/** The data folder of this instance: `FORMFLOW_DATA_DIR`, default `./data`. */
export function dataDir(): string {
  return resolve(process.env.FORMFLOW_DATA_DIR ?? './data');
}

/** Opens the instance's SQLite store (`formflow.db` in the data folder); `FORMFLOW_SYNCHRONOUS=FULL` for FULL. */
export function openDataStore(dir = dataDir(), options: Pick<StoreOptions, 'checkpoints'> = {}): Store {
  const synchronous = process.env.FORMFLOW_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';
  return openStore({ path: join(dir, 'formflow.db'), synchronous, ...options });
}

/** `formflow backup <file>`: an online copy (SQLite's backup API) while the server may keep running. */
export async function backupCommand(target: string | undefined, out: TextSink, err: TextSink): Promise<number> {
  if (!target) {
    err.write('usage: formflow backup <backup-file>\n');
    return 2;
  }
  const path = resolve(target);
  if (existsSync(path)) {
    err.write(`${path} already exists: choose a new file\n`);
    return 1;
  }
  const store = openDataStore();
  try {
    await backupTo(store, path);
  } finally {
    store.close();
  }
  const check = checkDatabaseFile(path);
  if (check !== 'ok') {
    err.write(`the backup failed its integrity check: ${check}\n`);
    return 1;
  }
  out.write(`backup written to ${path} (integrity check: ok)\n`);
  return 0;
}

/** `formflow restore <file> <new-data-dir>`: checks the backup, then makes it the store of a NEW data folder. */
export function restoreCommand(
  source: string | undefined,
  targetDir: string | undefined,
  out: TextSink,
  err: TextSink,
) {
  if (!source || !targetDir) {
    err.write('usage: formflow restore <backup-file> <new-data-dir>\n');
    return 2;
  }
  const target = join(resolve(targetDir), 'formflow.db');
  if (existsSync(target)) {
    err.write(`${target} already exists: restore goes into a new data folder, never over live data\n`);
    return 1;
  }
  const check = checkDatabaseFile(resolve(source));
  if (check !== 'ok') {
    err.write(`${source} is not a sound Formflow backup: ${check}\n`);
    return 1;
  }
  const store = openDataStore(resolve(targetDir)); // creates the folder and an empty store, then we replace its file
  store.close();
  copyFileSync(resolve(source), target);
  const restored = openDataStore(resolve(targetDir)); // runs any newer migrations on the restored copy
  restored.close();
  out.write(`restored into ${target}; start with FORMFLOW_DATA_DIR=${resolve(targetDir)}\n`);
  return 0;
}
