import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppRepository } from '../apps/app-repository.js';
import { FormRepository } from '../forms/form-repository.js';
import { openTestStore } from '../testing/open-test-store.js';
import type { Store } from '../store.js';
import { createIdSource } from './import-ids.js';
import { ImportJobRepository } from './import-job-repository.js';
import { ImportRecordWriter } from './import-record-writer.js';
import { WriterLock } from '../sqlite/writer-lock.js';

let db: ReturnType<typeof openTestStore>;
let store: Store;
let jobs: ImportJobRepository;
beforeEach(() => {
  db = openTestStore();
  store = db.store;
  jobs = new ImportJobRepository(store.db);
  for (const ws of ['wA', 'wB']) {
    const app = new AppRepository(store.db).createApp({
      workspaceId: ws,
      definition: { id: 'crm', name: 'CRM' },
      actor: null,
    });
    if (!app.ok) throw new Error('app setup');
    const definition = { id: 'customers', name: 'Customers', fields: [{ id: 'name', type: 'text', label: 'Name' }] };
    const form = new FormRepository(store.db).createForm({ workspaceId: ws, appId: 'crm', definition, actor: null });
    if (!form.ok) throw new Error(`form setup ${JSON.stringify(form)}`);
  }
});
afterEach(() => db.close());

const counts = { totalRows: 10, rowsDone: 4, rowsImported: 3, rowsUpdated: 0, rowsSkipped: 0, rowsFailed: 1 };
const newJob = (ws = 'wA') =>
  jobs.create({ workspaceId: ws, formId: 'customers', mode: 'allOrNothing', fileName: '客户.csv', createdBy: 'alice' });

describe('ImportJobRepository', () => {
  it('creates a queued job, scoped to its workspace', () => {
    const job = newJob();
    expect(job).toMatchObject({
      status: 'queued',
      mode: 'allOrNothing',
      fileName: '客户.csv',
      rowsDone: 0,
      error: null,
    });
    expect(jobs.get('wB', job.id)).toBeUndefined();
    expect(jobs.errors('wB', job.id)).toBeUndefined();
    expect(jobs.errors('wA', job.id)).toEqual([]);
  });

  it('moves queued → running → succeeded, and a final job never changes again', () => {
    const job = newJob();
    expect(jobs.start(job.id, 10)).toBe(true);
    expect(jobs.start(job.id, 10)).toBe(false);
    expect(jobs.progress(job.id, counts)).toBe(true);
    expect(jobs.get('wA', job.id)).toMatchObject({ status: 'running', totalRows: 10, rowsDone: 4, rowsFailed: 1 });
    const errors = [{ row: 2, column: '金额', code: 'INVALID', value: 'abc', message: { 'zh-CN': '错', en: 'bad' } }];
    expect(jobs.finish(job.id, { status: 'succeeded', counts: { ...counts, rowsDone: 10 }, errors })).toBe(true);
    expect(jobs.progress(job.id, counts)).toBe(false);
    expect(jobs.finish(job.id, { status: 'failed', counts, errors: [] })).toBe(false);
    const done = jobs.get('wA', job.id);
    expect(done).toMatchObject({ status: 'succeeded', rowsDone: 10 });
    expect(done?.finishedAt).not.toBeNull();
    expect(jobs.errors('wA', job.id)).toEqual(errors);
  });

  it('cancels only a queued job of the same workspace', () => {
    const job = newJob();
    expect(jobs.cancelQueued('wB', job.id)).toBe(false);
    expect(jobs.cancelQueued('wA', job.id)).toBe(true);
    expect(jobs.get('wA', job.id)?.status).toBe('cancelled');
    expect(jobs.start(job.id, null)).toBe(false);
  });

  it('fails every unfinished job at start-up (D1) and leaves final ones alone', () => {
    const running = newJob();
    jobs.start(running.id, 5);
    const queued = newJob('wB');
    const done = newJob();
    jobs.finish(done.id, { status: 'succeeded', counts, errors: [] });
    const failure = { code: 'INTERRUPTED', message: { 'zh-CN': '中断', en: 'interrupted' } };
    const failed = jobs.failUnfinished(failure);
    expect(failed.map((j) => j.id).sort()).toEqual([running.id, queued.id].sort());
    expect(jobs.get('wA', running.id)).toMatchObject({ status: 'failed', error: failure });
    expect(jobs.get('wB', queued.id)?.status).toBe('failed');
    expect(jobs.get('wA', done.id)?.status).toBe('succeeded');
    expect(jobs.failUnfinished(failure)).toEqual([]);
  });
});

describe('ImportRecordWriter', () => {
  const target = { workspaceId: 'wA', formId: 'customers', formVersion: 1, actor: 'alice', uniqueFields: ['name'] };

  it('stores exactly what createRecord stores (data, search shadow, unique value), without a history row', () => {
    const writer = new ImportRecordWriter(store.db, target);
    const created = writer.transaction(() => writer.insert({ name: 'Ärzte GmbH', tags: ['VIP'] }));
    if (!created.ok) throw new Error('conflict');
    const viaRepo = store.records.createRecord({ ...target, data: { name: 'Other', tags: ['VIP'] } });
    if (!viaRepo.ok) throw new Error('conflict');
    const mine = store.records.getRecord('wA', created.id);
    expect(mine).toMatchObject({ data: { name: 'Ärzte GmbH', tags: ['VIP'] }, version: 1, createdBy: 'alice' });
    const row = store.db.prepare('SELECT search FROM records WHERE id = ?').get(created.id) as { search: string };
    expect(JSON.parse(row.search)).toEqual({ name: 'ärzte gmbh', tags: 'vip' });
    expect(writer.holder('name', 'ärzte gmbh')).toBe(created.id);
    expect(store.records.listHistory('wA', created.id)).toEqual([]);
  });

  it('holds the shared writer lock for each transaction, and lets go even when it rolls back', () => {
    const lock = new WriterLock();
    const writer = new ImportRecordWriter(store.db, { ...target, writerLock: lock });
    expect(writer.transaction(() => [lock.held, store.db.inTransaction])).toEqual([true, true]);
    expect(lock.held).toBe(false);
    expect(() =>
      writer.transaction(() => {
        writer.insert({ name: 'rolled back' });
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(lock.held).toBe(false);
    expect((store.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(0);
  });

  it('refuses a folded duplicate before writing anything, and sees its own transaction', () => {
    const writer = new ImportRecordWriter(store.db, target);
    const results = writer.transaction(() => [writer.insert({ name: 'ACME' }), writer.insert({ name: 'acme' })]);
    expect(results[0]?.ok).toBe(true);
    expect(results[1]).toMatchObject({ ok: false, reason: 'UNIQUE_CONFLICT', fieldId: 'name' });
    expect((store.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(1);
  });

  it('fills gap-free serial numbers and updates through the store (with history)', () => {
    const now = () => new Date('2026-03-01T08:00:00Z');
    const serialFields = [{ fieldId: 'no', prefix: 'KH', dateFormat: 'YYYYMMDD' as const, digits: 3 }];
    const writer = new ImportRecordWriter(store.db, { ...target, serialFields }, now);
    const ids = writer.transaction(() => [writer.insert({ name: 'a' }), writer.insert({ name: 'b' })]);
    const first = ids[0]?.ok ? ids[0].id : '';
    expect(writer.get(first)?.data).toEqual({ name: 'a', no: 'KH20260301001' });
    const second = ids[1]?.ok ? ids[1].id : '';
    expect(writer.get(second)?.data['no']).toBe('KH20260301002');
    const updated = writer.transaction(() => writer.update(first, 1, { name: 'a2' }));
    expect(updated).toMatchObject({ ok: true, record: { version: 2, data: { name: 'a2', no: 'KH20260301001' } } });
    expect(store.records.listHistory('wA', first).map((h) => h.action)).toEqual(['update']);
    expect(writer.holder('name', 'a')).toBeUndefined();
    expect(writer.holder('name', 'a2')).toBe(first);
  });

  it('writes an audit entry', () => {
    const writer = new ImportRecordWriter(store.db, target);
    writer.audit('records.imported', 'import_job', 'job-1', { imported: 2 });
    const row = store.db.prepare(`SELECT * FROM audit_log WHERE action = 'records.imported'`).get() as Record<
      string,
      string
    >;
    expect(row).toMatchObject({ workspace_id: 'wA', actor: 'alice', target_id: 'job-1' });
    expect(JSON.parse(row['detail'] ?? '')).toEqual({ imported: 2 });
  });
});

describe('createIdSource', () => {
  it('makes strictly increasing UUIDv7 ids, also within one millisecond and across pool refills', () => {
    const next = createIdSource();
    const ids = Array.from({ length: 10_000 }, () => next(1_750_000_000_000));
    for (const id of ids.slice(0, 3)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
