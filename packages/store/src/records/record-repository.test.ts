import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  dir = tempDir();
  store = openStore({ path: dir.file('app.db') });
});
afterEach(() => {
  store.close();
  dir.remove();
});

const base = { workspaceId: 'wA', formId: 'contacts', formVersion: 1, actor: 'alice' };
function create(data: Record<string, string | number | string[]>, uniqueFields?: string[]) {
  const result = store.records.createRecord({ ...base, data, uniqueFields });
  if (!result.ok) throw new Error(`unexpected ${result.reason}`);
  return result.record;
}
const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('records', () => {
  it('creates and gets a record with a UUIDv7 id, version 1 and the folded search shadow', () => {
    const record = create({ name: 'Ärzte GmbH', tags: ['VIP', 'Nord'], amount: 12 });
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(store.records.getRecord('wA', record.id)).toEqual(record);
    const row = store.db.prepare('SELECT search FROM records WHERE id = ?').get(record.id) as { search: string };
    expect(JSON.parse(row.search)).toEqual({ name: 'ärzte gmbh', tags: 'vip\u001fnord' });
    const viaJson = store.db
      .prepare(`SELECT json_extract(data, '$."name"') AS v FROM records WHERE id = ?`)
      .get(record.id) as { v: string };
    expect(viaJson.v).toBe('Ärzte GmbH');
  });

  it('updates with the version read, keeps history per field with before/after', () => {
    const record = create({ name: 'Acme', city: 'Berlin' });
    const updated = store.records.updateRecord({
      workspaceId: 'wA',
      id: record.id,
      expectedVersion: 1,
      formVersion: 1,
      patch: { name: 'Acme AG', city: null, phone: '123' },
      actor: 'bob',
    });
    expect(updated.ok && updated.record).toMatchObject({ version: 2, data: { name: 'Acme AG', phone: '123' } });
    expect(store.records.getRecord('wA', record.id)?.data).toEqual({ name: 'Acme AG', phone: '123' });
    const history = store.records.listHistory('wA', record.id);
    expect(history.map((h) => [h.version, h.action, h.actor])).toEqual([
      [1, 'create', 'alice'],
      [2, 'update', 'bob'],
    ]);
    expect(history[1]?.changes).toEqual({
      name: { before: 'Acme', after: 'Acme AG' },
      city: { before: 'Berlin', after: null },
      phone: { before: null, after: '123' },
    });
  });

  it('stores the form version an update was written with (review #12)', () => {
    const record = create({ name: 'v1' });
    const updated = store.records.updateRecord({
      ...base,
      id: record.id,
      expectedVersion: 1,
      formVersion: 4,
      patch: { name: 'v2' },
    });
    expect(updated.ok && updated.record.formVersion).toBe(4);
    expect(store.records.getRecord('wA', record.id)).toMatchObject({ formVersion: 4, version: 2 });
    const row = store.db.prepare('SELECT form_version FROM records WHERE id = ?').get(record.id);
    expect(row).toEqual({ form_version: 4 });
  });

  it('a lost update gets VERSION_CONFLICT with the current version and writes nothing (C1)', () => {
    const record = create({ name: 'v1' });
    const first = store.records.updateRecord({
      workspaceId: 'wA',
      id: record.id,
      expectedVersion: 1,
      formVersion: 1,
      patch: { name: 'first' },
      actor: 'a',
    });
    expect(first.ok).toBe(true);
    const stale = store.records.updateRecord({
      workspaceId: 'wA',
      id: record.id,
      expectedVersion: 1,
      formVersion: 1,
      patch: { name: 'second' },
      actor: 'b',
    });
    expect(stale).toMatchObject({
      ok: false,
      reason: 'VERSION_CONFLICT',
      current: { version: 2, data: { name: 'first' } },
    });
    expect(store.records.getRecord('wA', record.id)).toMatchObject({ version: 2, data: { name: 'first' } });
    expect(store.records.listHistory('wA', record.id)).toHaveLength(2);
  });

  it('restores a field from history as version n+1 without rewriting history', () => {
    const record = create({ name: 'original', city: 'Paris' });
    store.records.updateRecord({ ...base, id: record.id, expectedVersion: 1, patch: { name: 'changed' } });
    store.records.updateRecord({ ...base, id: record.id, expectedVersion: 2, patch: { city: 'Rome' } });
    const restored = store.records.restoreFieldFromHistory({
      workspaceId: 'wA',
      recordId: record.id,
      fieldId: 'name',
      fromVersion: 1,
      expectedVersion: 3,
      formVersion: 3,
      actor: 'carol',
    });
    expect(restored.ok && restored.record).toMatchObject({ version: 4, data: { name: 'original', city: 'Rome' } });
    expect(store.records.getRecord('wA', record.id)?.formVersion).toBe(3);
    const history = store.records.listHistory('wA', record.id);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
    expect(history[1]?.changes).toEqual({ name: { before: 'original', after: 'changed' } });
    expect(history[3]?.changes).toEqual({ name: { before: 'changed', after: 'original' } });
  });

  it('deletes to the recycle bin and restores', () => {
    const record = create({ name: 'x' });
    const deleted = store.records.deleteRecord({ workspaceId: 'wA', id: record.id, actor: 'a' });
    expect(deleted.ok && deleted.record.deletedAt).toBeTruthy();
    expect(store.records.getRecord('wA', record.id)).toBeUndefined();
    expect(store.records.getRecord('wA', record.id, { includeDeleted: true })?.version).toBe(2);
    expect(store.records.updateRecord({ ...base, id: record.id, expectedVersion: 2, patch: { name: 'y' } })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    const restored = store.records.restoreRecord({ workspaceId: 'wA', id: record.id, actor: 'a' });
    expect(restored.ok && restored.record).toMatchObject({ version: 3, deletedAt: null });
    expect(store.records.getRecord('wA', record.id)?.deletedAt).toBeNull();
    expect(store.records.listHistory('wA', record.id).map((h) => h.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('pages the recycle bin newest deletion first, per workspace and form, after a (deletedAt, id) position', () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    store.close();
    store = openStore({ path: dir.file('app.db'), now: () => new Date((clock += 1000)) });
    const ids = [create({ name: 'a' }), create({ name: 'b' }), create({ name: 'c' }), create({ name: 'live' })].map(
      (r) => r.id,
    );
    for (const id of ids.slice(0, 3)) store.records.deleteRecord({ workspaceId: 'wA', id, actor: 'a' });
    const first = store.records.recycleBinPage('wA', 'contacts', null, 2);
    expect(first.map((r) => r.data['name'])).toEqual(['c', 'b']);
    const last = first.at(-1)!;
    const rest = store.records.recycleBinPage('wA', 'contacts', { deletedAt: last.deletedAt!, id: last.id }, 2);
    expect(rest.map((r) => r.data['name'])).toEqual(['a']);
    expect(store.records.recycleBinPage('wB', 'contacts', null, 10)).toEqual([]);
    expect(store.records.recycleBinPage('wA', 'other', null, 10)).toEqual([]);
  });

  it('queues an outbox message inside the caller’s transaction: it rolls back with it', () => {
    const before = count('outbox');
    store.db.transaction(() => store.records.enqueueOutbox('wA', { topic: 't.ok', payload: { n: 1 } }, 'now'))();
    expect(count('outbox')).toBe(before + 1);
    expect(() =>
      store.db.transaction(() => {
        store.records.enqueueOutbox('wA', { topic: 't.rolled', payload: {} }, 'now');
        throw new Error('the write failed');
      })(),
    ).toThrow('the write failed');
    expect(count('outbox')).toBe(before + 1);
    const row = store.db.prepare("SELECT payload FROM outbox WHERE topic = 't.ok'").get() as { payload: string };
    expect(JSON.parse(row.payload)).toEqual({ n: 1 });
  });

  it('isolates workspaces: B cannot get, update, delete or read the history of A’s record (H4)', () => {
    const record = create({ name: 'secret' });
    expect(store.records.getRecord('wB', record.id)).toBeUndefined();
    const update = {
      ...base,
      workspaceId: 'wB',
      id: record.id,
      expectedVersion: 1,
      patch: { name: 'pwned' },
      actor: 'eve',
    };
    expect(store.records.updateRecord(update)).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(store.records.deleteRecord({ workspaceId: 'wB', id: record.id, actor: 'eve' })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(store.records.listHistory('wB', record.id)).toEqual([]);
    expect(store.records.getRecord('wA', record.id)).toMatchObject({ version: 1, data: { name: 'secret' } });
  });

  it('reports a unique conflict with the existing record id, folding case and NFC/NFD (C3, K4)', () => {
    const first = create({ name: 'Ärger', email: 'Jos\u00e9@Example.com' }, ['name', 'email']);
    const caseOnly = store.records.createRecord({ ...base, data: { name: 'ärger' }, uniqueFields: ['name', 'email'] });
    expect(caseOnly).toEqual({ ok: false, reason: 'UNIQUE_CONFLICT', fieldId: 'name', existingRecordId: first.id });
    const nfd = store.records.createRecord({
      ...base,
      data: { name: 'other', email: 'jose\u0301@example.com' },
      uniqueFields: ['name', 'email'],
    });
    expect(nfd).toEqual({ ok: false, reason: 'UNIQUE_CONFLICT', fieldId: 'email', existingRecordId: first.id });
    expect(count('records')).toBe(1);
    expect(count('record_history')).toBe(1);
    expect(count('unique_values')).toBe(2);
  });

  it('moves a unique claim on update and rejects an update onto a taken value', () => {
    const a = create({ email: 'a@x.io' }, ['email']);
    const b = create({ email: 'b@x.io' }, ['email']);
    const taken = store.records.updateRecord({
      ...base,
      id: b.id,
      expectedVersion: 1,
      patch: { email: 'A@X.IO' },
      uniqueFields: ['email'],
    });
    expect(taken).toEqual({ ok: false, reason: 'UNIQUE_CONFLICT', fieldId: 'email', existingRecordId: a.id });
    expect(store.records.getRecord('wA', b.id)).toMatchObject({ version: 1, data: { email: 'b@x.io' } });
    const moved = store.records.updateRecord({
      ...base,
      id: a.id,
      expectedVersion: 1,
      patch: { email: 'c@x.io' },
      uniqueFields: ['email'],
    });
    expect(moved.ok).toBe(true);
    expect(create({ email: 'a@x.io' }, ['email']).id).toBeTruthy();
  });

  it('fills serial numbers with prefix, date part and padding per period', () => {
    let now = new Date('2026-03-31T23:30:00Z');
    const clocked = openStore({ path: dir.file('app.db'), now: () => now });
    try {
      const serialFields = [
        { fieldId: 'no', prefix: 'HT-', dateFormat: 'YYYYMMDD' as const, resetEvery: 'day' as const, digits: 3 },
      ];
      const make = () => clocked.records.createRecord({ ...base, data: {}, serialFields });
      const first = make();
      const second = make();
      now = new Date('2026-04-01T00:10:00Z');
      const nextDay = make();
      expect([first, second, nextDay].map((r) => r.ok && r.record.data['no'])).toEqual([
        'HT-20260331001',
        'HT-20260331002',
        'HT-20260401001',
      ]);
    } finally {
      clocked.close();
    }
  });

  it('a failure inside the write transaction leaves no record, history, unique value, counter or outbox row', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(() =>
      store.records.createRecord({
        ...base,
        data: { email: 'z@x.io' },
        uniqueFields: ['email'],
        serialFields: [{ fieldId: 'no' }],
        outbox: [
          { topic: 'record.created', payload: { ok: true } },
          { topic: 'record.created', payload: circular },
        ],
      }),
    ).toThrow(TypeError);
    for (const table of ['records', 'record_history', 'unique_values', 'serial_counters', 'outbox']) {
      expect(count(table), table).toBe(0);
    }
    const ok = store.records.createRecord({
      ...base,
      data: {},
      serialFields: [{ fieldId: 'no' }],
      outbox: [{ topic: 'record.created', payload: { n: 1 } }],
    });
    expect(ok.ok && ok.record.data['no']).toBe('0001');
    expect(count('outbox')).toBe(1);
  });
});
