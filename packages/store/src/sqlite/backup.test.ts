import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';
import { backupTo } from './backup.js';
import { integrityCheck } from './pragmas.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let writer: Store;
beforeEach(() => {
  dir = tempDir();
  store = openStore({ path: dir.file('app.db') });
  writer = openStore({ path: dir.file('app.db') });
});
afterEach(() => {
  store.close();
  writer.close();
  dir.remove();
});

const count = (s: Store, table: string) =>
  (s.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const create = (s: Store, i: number) =>
  s.records.createRecord({
    workspaceId: 'w',
    formId: 'f',
    formVersion: 1,
    data: { note: `note ${i} `.repeat(40) },
    actor: 'u',
    serialFields: [{ fieldId: 'no' }],
    outbox: [{ topic: 'record.created', payload: { i } }],
  });

describe('backupTo', () => {
  it('copies online while writes go on: the copy is sound, consistent, and opens as a new store (D4)', async () => {
    for (let i = 0; i < 300; i += 1) create(store, i);
    const before = count(store, 'records');
    let writes = 0;
    let writing = true;
    const writeLoop = (async () => {
      while (writing && writes < 400) {
        create(writes % 2 === 0 ? store : writer, 1000 + writes);
        writes += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const copyPath = dir.file('backups/copy.db');
    await backupTo(store, copyPath, { pagesPerStep: 4 });
    writing = false;
    await writeLoop;
    const after = count(store, 'records');
    expect(writes).toBeGreaterThan(0);

    const restored = openStore({ path: copyPath });
    try {
      expect(integrityCheck(restored.db)).toBe('ok');
      expect(restored.db.pragma('foreign_key_check')).toEqual([]);
      const copied = count(restored, 'records');
      expect(copied).toBeGreaterThanOrEqual(before);
      expect(copied).toBeLessThanOrEqual(after);
      // A consistent point: every copied record has its history row, outbox row and counter step.
      expect(count(restored, 'record_history')).toBe(copied);
      expect(count(restored, 'outbox')).toBe(copied);
      expect(restored.db.prepare('SELECT value FROM serial_counters').get()).toEqual({ value: copied });
      expect(
        restored.records.createRecord({ workspaceId: 'w', formId: 'f', formVersion: 1, data: {}, actor: 'u' }).ok,
      ).toBe(true);
    } finally {
      restored.close();
    }
  });
});
