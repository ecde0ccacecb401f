import { openStore, WriterLock } from '@formflow/store';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../import/testing/import-fixtures.js';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { GroupCommit } from './group-commit.js';
import { dealsForm } from './records-test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GroupCommit with a writer lock', () => {
  let db: ReturnType<typeof tempStore>;
  beforeEach(() => {
    db = tempStore();
  });
  afterEach(() => db.close());

  const workspaces = () => db.store.db.prepare('SELECT id FROM workspaces ORDER BY id').pluck().all();
  const addWorkspace = (id: string) => () =>
    db.store.db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, 'w', 'now')").run(id).changes;

  it('waits while another thread writes, without holding up the event loop, then commits', async () => {
    const lock = new WriterLock();
    const importer = new WriterLock(lock.buffer); // the import worker's side of the same lock
    expect(importer.tryAcquire()).toBe(true);
    const writes = new GroupCommit(db.store.db, { lock });
    let settled = false;
    const written = writes.run(addWorkspace('w1')).then((changes) => ((settled = true), changes));
    // Timers keep firing (the main thread is not asleep in SQLite's busy handler) and nothing is written yet.
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    await sleep(120);
    clearInterval(ticking);
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(settled).toBe(false);
    expect(workspaces()).toEqual([]);
    importer.release();
    expect(await written).toBe(1);
    expect(workspaces()).toEqual(['w1']);
    expect(lock.held).toBe(false); // the batch let go of it after its commit
  });

  it('a write that waited past the timeout fails as busy (503 at the route) and writes nothing', async () => {
    const lock = new WriterLock();
    const importer = new WriterLock(lock.buffer);
    expect(importer.tryAcquire()).toBe(true);
    const writes = new GroupCommit(db.store.db, { lock, lockTimeoutMs: 60 });
    await expect(writes.run(addWorkspace('w2'))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    importer.release();
    expect(workspaces()).toEqual([]);
    // The next write goes through.
    expect(await writes.run(addWorkspace('w3'))).toBe(1);
    expect(workspaces()).toEqual(['w3']);
  });
});

describe('the server while an import writes', () => {
  const lock = new WriterLock();
  let server: ApiTestServer;
  beforeAll(async () => {
    server = await startApiServer({ writerLock: lock });
    server.installApp(server.owner, { id: 'crm', name: 'CRM', forms: [dealsForm] });
  });
  afterAll(async () => server.close());

  it('keeps answering reads; a create and a delete wait for the import’s transaction and then succeed', async () => {
    const existing = await server.owner.request<{ id: string }>('POST', '/api/v1/forms/deals/records', {
      data: { name: '先建的', amount: 1 },
    });
    expect(existing.status).toBe(201);
    // The import worker's side: the writer lock, then SQLite's write lock on its own connection.
    const importer = new WriterLock(lock.buffer);
    const connection = openStore({ path: server.store.path });
    expect(importer.tryAcquire()).toBe(true);
    connection.db.exec('BEGIN IMMEDIATE');
    let settled = false;
    let created: Promise<{ status: number }> | undefined;
    let deleted: Promise<{ status: number }> | undefined;
    try {
      created = server.owner
        .request('POST', '/api/v1/forms/deals/records', { data: { name: '导入期间', amount: 5 } })
        .then((response) => ((settled = true), response));
      deleted = server.owner
        .request('DELETE', `/api/v1/records/${existing.body.id}`, undefined, { 'if-match': '"1"' })
        .then((response) => ((settled = true), response));
      await sleep(50);
      // Before the writer lock, the create slept in SQLite's busy handler on the main thread: these waited with it.
      const started = Date.now();
      const health = await server.owner.request('GET', '/api/v1/health');
      const list = await server.owner.request('POST', '/api/v1/forms/deals/records/query', { limit: 5 });
      expect(health.status).toBe(200);
      expect(list.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(settled).toBe(false);
    } finally {
      connection.db.exec('COMMIT');
      importer.release();
      connection.close();
    }
    expect((await created)?.status).toBe(201);
    expect((await deleted)?.status).toBeLessThan(300);
  });
});
