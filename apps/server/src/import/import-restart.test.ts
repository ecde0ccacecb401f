import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportJobRepository, integrityCheck, openStore, type Store } from '@formflow/store';
import { createServerContext } from '../context/create-server-context.js';
import { runImportJob } from './run-import-job.js';
import { customersForm } from './testing/import-api.js';
import { startServerOn } from './testing/server-on.js';

let dir: string;
let dbPath: string;
let dataDir: string;
let setup: { workspaceId: string; memberId: string; formVersion: number };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formflow-import-restart-'));
  dbPath = join(dir, 'formflow.db');
  dataDir = join(dir, 'data');
  const store = openStore({ path: dbPath });
  const ctx = createServerContext(store, { dataDir });
  const created = await ctx.auth.createWorkspaceWithOwner({
    workspaceName: '重启测试',
    email: 'owner@restart.example.cn',
    password: 'correct horse battery staple',
  });
  if (!created.ok) throw new Error('workspace setup failed');
  const workspaceId = created.workspace.id;
  const memberId = created.member.id;
  const app = ctx.apps.createApp({ workspaceId, definition: { id: 'crm', name: 'CRM' }, actor: memberId });
  if (!app.ok) throw new Error('app setup failed');
  ctx.forms.createForm({ workspaceId, appId: 'crm', definition: customersForm, actor: memberId });
  const published = ctx.forms.publish({ workspaceId, formId: 'customers', actor: memberId });
  if (!published.ok) throw new Error('publish failed');
  setup = { workspaceId, memberId, formVersion: published.published.version };
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const recordCount = (store: Store) =>
  (store.db.prepare(`SELECT count(*) AS n FROM records WHERE form_id = 'customers'`).get() as { n: number }).n;

function csvOf(rows: number, last?: string): string {
  const lines = ['客户名称,金额,签约日期,备注'];
  for (let i = 0; i < rows; i++) lines.push(`客户${i},${i}.5,2025/3/${(i % 28) + 1},备注 ${i} 😀`);
  if (last) lines.push(last);
  return `${lines.join('\r\n')}\r\n`;
}

describe('restart policy (RELIABILITY D1): an interrupted job is failed on the next start, never resumed', () => {
  it('a job the previous process left queued or running is failed INTERRUPTED, and its files are deleted', async () => {
    const store = openStore({ path: dbPath });
    const jobs = new ImportJobRepository(store.db);
    const running = jobs.create({
      ...setup,
      formId: 'customers',
      mode: 'allOrNothing',
      fileName: 'a.csv',
      createdBy: setup.memberId,
    });
    jobs.start(running.id, 100);
    const queued = jobs.create({
      ...setup,
      formId: 'customers',
      mode: 'validRowsOnly',
      fileName: 'b.csv',
      createdBy: setup.memberId,
    });
    store.close();
    mkdirSync(join(dataDir, 'imports'), { recursive: true });
    writeFileSync(join(dataDir, 'imports', 'left-over.upload'), 'x');
    writeFileSync(join(dataDir, 'imports', `${running.id}.staged`), 'x');

    const server = await startServerOn(dbPath, dataDir);
    try {
      for (const id of [running.id, queued.id]) {
        const status = await server.get(`/api/v1/imports/${id}`, setup.workspaceId, setup.memberId);
        expect(status.status).toBe(200);
        expect(status.body).toMatchObject({ status: 'failed', phase: 'done', error: { code: 'INTERRUPTED' } });
      }
      expect(readdirSync(join(dataDir, 'imports'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it(
    'SIGKILL in the middle of an allOrNothing import: 0 rows in the form, integrity ok; after restart the job is failed and its staged rows are gone',
    { timeout: 180_000 },
    async () => {
      const rows = 60_000;
      mkdirSync(join(dataDir, 'imports'), { recursive: true });
      const csvPath = join(dataDir, 'imports', 'big.csv');
      writeFileSync(csvPath, csvOf(rows));
      const child = spawn(
        process.execPath,
        [new URL('./testing/kill-child.mjs', import.meta.url).pathname, JSON.stringify({ ...setup, dbPath, csvPath })],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      const watcher = openStore({ path: dbPath });
      const allRecords = (store: Store) =>
        (store.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
      try {
        // Wait until a good part of the file is checked and staged (committed, but under the hidden staging id).
        const deadline = Date.now() + 150_000;
        let job: { status: string; rows_done: number } | undefined;
        while (Date.now() < deadline) {
          job = watcher.db.prepare('SELECT status, rows_done FROM import_jobs').get() as typeof job;
          if (job?.status === 'running' && job.rows_done >= rows / 3) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(job?.status).toBe('running');
        expect(job?.rows_done).toBeLessThan(rows);
        child.kill('SIGKILL');
        await exited;
        expect(allRecords(watcher)).toBeGreaterThan(0);
        expect(recordCount(watcher)).toBe(0);
        expect(integrityCheck(watcher.db)).toBe('ok');
      } finally {
        child.kill('SIGKILL');
        watcher.close();
      }
      const server = await startServerOn(dbPath, dataDir);
      try {
        expect(allRecords(server.store)).toBe(0);
        const jobId = (server.store.db.prepare('SELECT id FROM import_jobs').get() as { id: string }).id;
        const status = await server.get(`/api/v1/imports/${jobId}`, setup.workspaceId, setup.memberId);
        expect(status.body).toMatchObject({ status: 'failed', rowsImported: 0, error: { code: 'INTERRUPTED' } });
        expect(readdirSync(join(dataDir, 'imports'))).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );
});

describe('allOrNothing leaves the form exactly as before', { timeout: 120_000 }, () => {
  const snapshot = (store: Store) =>
    store.db.prepare(`SELECT id, data, version FROM records ORDER BY id`).all() as unknown[];

  it('when the last row is invalid (checked before any write)', async () => {
    const store = openStore({ path: dbPath });
    try {
      const csvPath = join(dir, 'last-bad.csv');
      writeFileSync(csvPath, csvOf(20_000, '最后一行,不是金额,2025/3/1,x'));
      const before = snapshot(store);
      const job = await runImportJob({
        store,
        workspaceId: setup.workspaceId,
        form: { formId: 'customers', version: setup.formVersion, definition: customersForm },
        actor: setup.memberId,
        file: { path: csvPath, format: 'csv' },
        options: { mode: 'allOrNothing' },
      });
      expect(job).toMatchObject({ status: 'failed', rowsFailed: 1, rowsImported: 0, rowsDone: 20_001 });
      expect(new ImportJobRepository(store.db).errors(setup.workspaceId, job.id)).toEqual([
        expect.objectContaining({ row: 20_001, column: '金额' }),
      ]);
      expect(snapshot(store)).toEqual(before);
    } finally {
      store.close();
    }
  });

  it('when the last row fails only in the final transaction (its record changed meanwhile): all of it rolls back', async () => {
    const store = openStore({ path: dbPath });
    try {
      const base = { workspaceId: setup.workspaceId, formId: 'customers', formVersion: setup.formVersion };
      const existing = store.records.createRecord({
        ...base,
        data: { name: '老客户', note: '原备注' },
        actor: setup.memberId,
        uniqueFields: ['name'],
      });
      if (!existing.ok) throw new Error('setup failed');
      const csvPath = join(dir, 'late-conflict.csv');
      writeFileSync(csvPath, csvOf(5_000, '老客户,1,2025/3/1,导入的备注'));
      let meanwhile: { reserved: boolean; edited: boolean } | undefined;
      const job = await runImportJob({
        store,
        ...base,
        form: { formId: 'customers', version: setup.formVersion, definition: customersForm },
        actor: setup.memberId,
        file: { path: csvPath, format: 'csv' },
        options: { mode: 'allOrNothing', dedupe: { fieldId: 'name', onDuplicate: 'update' } },
        inline: true,
        onProgress: (progress) => {
          if (progress.phase !== 'writing' || meanwhile) return;
          // Between the checks and the final transaction: another writer takes a name the import staged (refused:
          // the import reserved it) and edits the record the last row updates.
          const taken = store.records.createRecord({
            ...base,
            data: { name: '客户7' },
            actor: null,
            uniqueFields: ['name'],
          });
          const edited = store.records.updateRecord({
            workspaceId: setup.workspaceId,
            id: existing.record.id,
            expectedVersion: 1,
            formVersion: setup.formVersion,
            patch: { note: '别人改的' },
            actor: null,
          });
          meanwhile = { reserved: !taken.ok, edited: edited.ok };
        },
      });
      expect(meanwhile).toEqual({ reserved: true, edited: true });
      expect(job).toMatchObject({ status: 'failed', rowsFailed: 1, rowsImported: 0, error: { code: 'ROWS_FAILED' } });
      expect(new ImportJobRepository(store.db).errors(setup.workspaceId, job.id)).toEqual([
        expect.objectContaining({ row: 5_001, code: 'CHANGED_MEANWHILE' }),
      ]);
      // Exactly as before the import (plus the other writer's edit): no staged record left, names released.
      const all = store.db.prepare('SELECT data FROM records').all() as { data: string }[];
      expect(all.map((r) => JSON.parse(r.data))).toEqual([{ name: '老客户', note: '别人改的' }]);
      expect(store.db.prepare('SELECT count(*) AS n FROM unique_values').get()).toEqual({ n: 1 });
    } finally {
      store.close();
    }
  });
});
