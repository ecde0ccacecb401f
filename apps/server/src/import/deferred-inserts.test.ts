import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { ImportJobRepository, openStore, type Store } from '@formflow/store';
import { publishFormInNewWorkspace } from './testing/import-fixtures.js';
import { executeImport } from './execute-import.js';
import type { ImportPhase } from './import-task.js';
import { buildImportTask, runImportJob } from './run-import-job.js';

/** No unique and no serial field: an allOrNothing job inserts its records in its final transaction only. */
const leadsForm: FormDef = {
  id: 'leads',
  name: '线索',
  fields: [
    { id: 'title', type: 'text', label: '名称', required: true },
    { id: 'amount', type: 'money', label: '金额' },
    {
      id: 'tags',
      type: 'multiselect',
      label: '标签',
      settings: {
        options: [
          { id: 'vip', label: '重点客户' },
          { id: 'urgent', label: '加急' },
        ],
      },
    },
    { id: 'note', type: 'textarea', label: '备注' },
  ],
};

let dir: string;
let spoolDir: string;
let store: Store;
let setup: { workspaceId: string; memberId: string; formVersion: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formflow-deferred-inserts-'));
  spoolDir = join(dir, 'imports');
  mkdirSync(spoolDir);
  store = openStore({ path: join(dir, 'formflow.db') });
  setup = await publishFormInNewWorkspace(store, leadsForm, '延迟写入');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function csvOf(rows: number, last?: string): string {
  const lines = ['名称,金额,标签,备注'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `线索${i},"¥1,${String(i % 1000).padStart(3, '0')}.50",${i % 2 ? '重点客户、加急' : ''},"备注 ${i}, 含逗号 😀"`,
    );
  }
  if (last) lines.push(last);
  return `${lines.join('\r\n')}\r\n`;
}

const stored = () =>
  store.db
    .prepare(`SELECT data, search, version, created_by FROM records WHERE form_id = 'leads' ORDER BY data`)
    .all() as { data: string; search: string; version: number; created_by: string }[];
const allRecords = () => (store.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
const history = () => (store.db.prepare('SELECT count(*) AS n FROM record_history').get() as { n: number }).n;

function importFile(name: string, text: string, mode: 'allOrNothing' | 'validRowsOnly', parallelFromRows = 1e9) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return runImportJob({
    store,
    workspaceId: setup.workspaceId,
    form: { formId: 'leads', version: setup.formVersion, definition: leadsForm },
    actor: setup.memberId,
    file: { path, format: 'csv' },
    options: { mode },
    stagingDir: spoolDir,
    limits: { parallelFromRows },
    inline: true,
  });
}

function clear(): void {
  store.db.prepare(`DELETE FROM records WHERE form_id = 'leads'`).run();
}

describe('allOrNothing without unique or serial fields: records written once, by the final transaction', () => {
  it('stores exactly what validRowsOnly (written chunk by chunk) stores: data, search shadow, no history', async () => {
    clear();
    const historyBefore = history();
    const direct = await importFile('direct.csv', csvOf(3000), 'validRowsOnly');
    expect(direct).toMatchObject({ status: 'succeeded', rowsImported: 3000 });
    const chunked = stored();
    clear();
    const deferred = await importFile('deferred.csv', csvOf(3000), 'allOrNothing');
    expect(deferred).toMatchObject({ status: 'succeeded', rowsImported: 3000, rowsFailed: 0, totalRows: 3000 });
    expect(stored()).toEqual(chunked);
    expect(JSON.parse(chunked[0]!.search)).toMatchObject({ title: '线索0', note: '备注 0, 含逗号 😀' });
    expect(history()).toBe(historyBefore);
    // The job's spool file is gone.
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('the same with the rows checked on two threads', async () => {
    clear();
    await importFile('one-thread.csv', csvOf(25_000), 'allOrNothing');
    const oneThread = stored();
    clear();
    const job = await importFile('two-threads.csv', csvOf(25_000), 'allOrNothing', 0);
    expect(job).toMatchObject({ status: 'succeeded', rowsImported: 25_000 });
    expect(stored()).toEqual(oneThread);
  });

  it('a bad last row: nothing written, the row reported', async () => {
    clear();
    const before = allRecords();
    const job = await importFile('bad-last.csv', csvOf(4000, '最后一行,不是金额,,x'), 'allOrNothing');
    expect(job).toMatchObject({ status: 'failed', rowsFailed: 1, rowsImported: 0, rowsDone: 4001 });
    expect(new ImportJobRepository(store.db).errors(setup.workspaceId, job.id)).toEqual([
      expect.objectContaining({ row: 4001, column: '金额' }),
    ]);
    expect(allRecords()).toBe(before);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('cancelled during the final transaction: rolled back, nothing written', async () => {
    clear();
    const before = allRecords();
    const path = join(dir, 'cancel.csv');
    writeFileSync(path, csvOf(3000));
    const jobs = new ImportJobRepository(store.db);
    const job = jobs.create({ ...setup, formId: 'leads', mode: 'allOrNothing', fileName: null, createdBy: null });
    const task = buildImportTask({
      dbPath: store.path,
      jobId: job.id,
      workspaceId: setup.workspaceId,
      form: { formId: 'leads', version: setup.formVersion, definition: leadsForm },
      actor: setup.memberId,
      file: { path, format: 'csv' },
      options: { mode: 'allOrNothing' },
      stagingDir: spoolDir,
    });
    let phase: ImportPhase = 'queued';
    let looked = 0;
    const result = await executeImport(task, {
      progress: (p) => (phase = p.phase),
      // Asked again inside the final transaction, after some records were inserted.
      cancelled: () => phase === 'writing' && ++looked > 3,
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(looked).toBeGreaterThan(3);
    expect(allRecords()).toBe(before);
    expect(jobs.get(setup.workspaceId, job.id)).toMatchObject({ status: 'cancelled', rowsImported: 0 });
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
