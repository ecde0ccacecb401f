import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let a: Store;
let b: Store;
beforeEach(() => {
  dir = tempDir();
  a = openStore({ path: dir.file('app.db') });
  b = openStore({ path: dir.file('app.db') });
});
afterEach(() => {
  a.close();
  b.close();
  dir.remove();
});

const base = { workspaceId: 'w', formId: 'signups', formVersion: 1, actor: 'u' };

describe('two connections on one file', () => {
  it('racing the same unique value: exactly one succeeds, the other learns who holds it (C3)', () => {
    const results = [a, b].map((store) =>
      store.records.createRecord({ ...base, data: { email: 'Same@Example.com' }, uniqueFields: ['email'] }),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      reason: 'UNIQUE_CONFLICT',
      fieldId: 'email',
      existingRecordId: winner?.ok ? winner.record.id : '',
    });
    expect(b.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
  });

  it('both see each other’s versions: a stale update through the other connection conflicts (C1)', () => {
    const created = a.records.createRecord({ ...base, data: { n: 1 } });
    if (!created.ok) throw new Error('create failed');
    const id = created.record.id;
    expect(b.records.updateRecord({ ...base, id, expectedVersion: 1, patch: { n: 2 } }).ok).toBe(true);
    expect(a.records.updateRecord({ ...base, id, expectedVersion: 1, patch: { n: 3 } })).toMatchObject({
      ok: false,
      reason: 'VERSION_CONFLICT',
      current: { version: 2, data: { n: 2 } },
    });
  });

  it('serial numbers over 50 interleaved creates are 1..50, unique, without gaps (C2)', async () => {
    const serialFields = [{ fieldId: 'no', digits: 1 }];
    const creates = Array.from({ length: 50 }, (_, i) =>
      Promise.resolve().then(() => (i % 3 === 0 ? a : b).records.createRecord({ ...base, data: {}, serialFields })),
    );
    const numbers = (await Promise.all(creates)).map((r) => (r.ok ? Number(r.record.data['no']) : NaN));
    expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(a.db.prepare('SELECT value FROM serial_counters').all()).toEqual([{ value: 50 }]);
  });
});
