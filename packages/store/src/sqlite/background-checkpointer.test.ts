import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, SERVER_AUTOCHECKPOINT_PAGES, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';
import { startBackgroundCheckpointer, type CheckpointResultRow } from './background-checkpointer.js';

const PAGE = 4096;

/** A WAL database whose own connection never checkpoints, and a writer of `n` 8 KB rows in one transaction. */
function logOnlyDatabase(path: string): { db: Database.Database; write: (n: number) => void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (b BLOB)');
  const insert = db.prepare('INSERT INTO t VALUES (randomblob(8000))');
  const write = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run();
  });
  return { db, write: (n) => void write(n) };
}

describe('background checkpointer', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store | undefined;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    store?.close();
    store = undefined;
    dir.remove();
  });

  it('copies the log of another connection into the database file while that connection never checkpoints', async () => {
    const path = dir.file('bg.db');
    const { db, write } = logOnlyDatabase(path);
    write(100);
    const fileBefore = statSync(path).size;
    const logged = statSync(`${path}-wal`).size;
    expect(logged).toBeGreaterThan(100 * 8000); // all of it still only in the log

    const seen: CheckpointResultRow[] = [];
    const errors: string[] = [];
    const checkpointer = startBackgroundCheckpointer({
      path,
      intervalMs: 20,
      onCheckpoint: (r) => seen.push(r),
      onError: (m) => errors.push(m),
    });
    await expect.poll(() => seen.some((r) => r.checkpointed === r.log && r.log > 0), { timeout: 5000 }).toBe(true);
    expect(errors).toEqual([]);
    // The pages are in the database file now, copied by the worker's connection, not by `db`.
    expect(statSync(path).size).toBeGreaterThan(fileBefore + 100 * 8000);
    await checkpointer.stop();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 100 });
    db.close();
  });

  it('empties a log that grew past its limit (RELIABILITY D3), and gives up without waiting while a reader holds it', async () => {
    const path = dir.file('truncate.db');
    const { db, write } = logOnlyDatabase(path);
    // A reader on a second connection holds an old snapshot: the log cannot start over while it reads.
    const reader = new Database(path, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM t').get();
    write(300); // ~2.4 MB of log, above the 1 MiB limit below
    const truncations: { busy: number; walBytes: number }[] = [];
    const checkpointer = startBackgroundCheckpointer({
      path,
      intervalMs: 20,
      truncateAboveBytes: 1024 * 1024,
      onTruncate: (r) => truncations.push(r),
    });
    await expect.poll(() => truncations.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(truncations[0]!.busy).toBe(1);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(1024 * 1024);
    reader.prepare('COMMIT').run();
    reader.close();
    await expect.poll(() => statSync(`${path}-wal`).size, { timeout: 5000 }).toBe(0);
    expect(truncations.at(-1)!.busy).toBe(0);
    await checkpointer.stop();
    write(1);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 301 });
    db.close();
  });

  it('reports a file it cannot open instead of throwing into the server', async () => {
    const errors: string[] = [];
    const checkpointer = startBackgroundCheckpointer({ path: dir.file('missing.db'), onError: (m) => errors.push(m) });
    await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThan(0);
    await checkpointer.stop();
  });

  it('a server store checkpoints on the worker, keeps a large backstop, and closes to a file with every write', async () => {
    const path = dir.file('server.db');
    store = openStore({ path, checkpoints: 'server' });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SERVER_AUTOCHECKPOINT_PAGES);
    store.db.exec('CREATE TABLE t (b BLOB)');
    const insert = store.db.prepare('INSERT INTO t VALUES (randomblob(8000))');
    store.db.transaction(() => {
      for (let i = 0; i < 50; i++) insert.run();
    })();
    // 400 KB is far below this connection's backstop: only the worker can have put the rows in the database file.
    await expect.poll(() => statSync(path).size, { timeout: 5000 }).toBeGreaterThan(50 * 8000);
    store.close();
    store = undefined;
    await expect.poll(() => existsSync(`${path}-wal`), { timeout: 5000 }).toBe(false);
    const reopened = new Database(path, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 50 });
    expect(statSync(path).size % PAGE).toBe(0);
    reopened.close();
  });

  it('an inline store keeps SQLite’s default auto-checkpoint and starts no worker', () => {
    store = openStore({ path: dir.file('inline.db') });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
