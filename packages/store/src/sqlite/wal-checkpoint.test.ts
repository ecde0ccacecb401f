import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';
import { checkpointIfLarge } from './wal-checkpoint.js';

describe('checkpointIfLarge (RELIABILITY D3)', () => {
  let store: Store | undefined;
  const dir = tempDir();
  afterEach(() => {
    store?.close();
    dir.remove();
  });

  it('leaves a small log alone and restarts a large one, after which writes reuse the log from its start', () => {
    const path = dir.file('wal.db');
    store = openStore({ path });
    store.db.pragma('wal_autocheckpoint = 0'); // only our checkpoint runs in this test
    store.db.exec('CREATE TABLE blob_test (b BLOB)');
    const insert = store.db.prepare('INSERT INTO blob_test VALUES (randomblob(65536))');
    const writeMany = store.db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run();
    });
    writeMany(40); // about 2.6 MB of log
    const before = statSync(`${path}-wal`).size;
    expect(checkpointIfLarge(store.db, path, before + 1)).toEqual({ walBytes: before, checkpointed: false });
    const result = checkpointIfLarge(store.db, path, 1024 * 1024);
    expect(result).toMatchObject({ walBytes: before, checkpointed: true, busy: false });
    writeMany(1);
    // After RESTART the next transaction writes from the start of the log: it does not grow past its old size.
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(before);
    expect(store.db.prepare('SELECT count(*) AS n FROM blob_test').get()).toEqual({ n: 41 });
  });
});
