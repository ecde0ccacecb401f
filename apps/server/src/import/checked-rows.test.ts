import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { ImportRecordWriter, openStore, type Store } from '@formflow/store';
import { publishFormInNewWorkspace } from './testing/import-fixtures.js';
import { buildRowChecker, headerOf } from './build-row-checker.js';
import { CheckHelper, checkRowsHere, checkRowsWithHelper } from './checked-rows.js';
import type { CheckedRow } from './row-checker.js';
import { buildImportTask } from './run-import-job.js';

const contactsForm: FormDef = {
  id: 'contacts',
  name: '联系人',
  fields: [
    { id: 'name', type: 'text', label: '姓名', required: true, unique: true },
    { id: 'email', type: 'email', label: '邮箱', unique: true },
    { id: 'amount', type: 'money', label: '金额' },
    {
      id: 'stage',
      type: 'select',
      label: '阶段',
      settings: {
        options: [
          { id: 'lead', label: '线索' },
          { id: 'won', label: '赢单' },
        ],
      },
    },
    { id: 'note', type: 'textarea', label: '备注' },
  ],
};

let dir: string;
let store: Store;
let workspaceId: string;
let memberId: string;
let formVersion: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formflow-checked-rows-'));
  store = openStore({ path: join(dir, 'formflow.db') });
  ({ workspaceId, memberId, formVersion } = await publishFormInNewWorkspace(store, contactsForm, '并行校验'));
  const existing = store.records.createRecord({
    workspaceId,
    formId: 'contacts',
    formVersion,
    data: { name: '老客户', note: '原备注' },
    actor: memberId,
    uniqueFields: ['name', 'email'],
  });
  if (!existing.ok) throw new Error('record setup failed');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = ['姓名', '邮箱', '金额', '阶段', '备注'];

/** 40 batches of 250 rows with every kind of outcome: bad cells, repeats within the file, a dedupe update. */
async function* batches(): AsyncGenerator<string[][]> {
  for (let b = 0; b < 40; b++) {
    const rows: string[][] = [];
    for (let i = b * 250; i < (b + 1) * 250; i++) {
      const name = i === 5123 ? '老客户' : i % 101 === 100 ? `客户${i - 1}` : i % 89 === 0 ? '' : `客户${i}`;
      const amount = i % 97 === 0 ? '不是金额' : `¥${i}.50`;
      const email = i % 113 === 7 ? 'same@example.cn' : `c${i}@example.cn`;
      rows.push([name, email, amount, i % 2 ? '线索' : '赢单', i % 3 ? `备注 ${i} 😀` : '']);
    }
    yield rows;
  }
}

async function collect(rows: AsyncIterable<CheckedRow[]>): Promise<CheckedRow[]> {
  const all: CheckedRow[] = [];
  for await (const batch of rows) all.push(...batch);
  return all;
}

describe('checkRowsWithHelper', { timeout: 60_000 }, () => {
  it('checks every row exactly as checkRowsHere does (errors, 查重 in the file, dedupe updates, stored text)', async () => {
    const task = buildImportTask({
      dbPath: store.path,
      jobId: 'job-checked-rows',
      workspaceId,
      form: { formId: 'contacts', version: formVersion, definition: contactsForm },
      actor: memberId,
      file: { path: join(dir, 'unused.csv'), format: 'csv' },
      options: { mode: 'validRowsOnly', dedupe: { fieldId: 'name', onDuplicate: 'update' } },
      caller: { memberId, now: new Date('2026-03-01T08:00:00Z') },
    });
    const jobTime = task.caller.now;
    const writer = new ImportRecordWriter(store.db, {
      workspaceId,
      formId: 'contacts',
      formVersion,
      actor: memberId,
      uniqueFields: task.uniqueFields,
    });
    const header = headerOf(task, HEADER);
    const here = await collect(
      checkRowsHere(batches(), buildRowChecker(task, header, jobTime, writer, null), task.limits.maxRows),
    );
    const helper = new CheckHelper({ task, header: HEADER, jobTime });
    let shared: CheckedRow[];
    try {
      shared = await collect(
        checkRowsWithHelper(batches(), buildRowChecker(task, header, jobTime, writer, null), helper, {
          maxRows: task.limits.maxRows,
        }),
      );
    } finally {
      await helper.close();
    }
    expect(helper.answered).toBeGreaterThan(0);
    // The helper sends a new record's stored text: compare what would be written.
    const written = (rows: CheckedRow[]) =>
      rows.map((r) =>
        r.kind === 'create' ? { kind: r.kind, row: r.row, stored: r.prepared ?? writer.prepare(r.values) } : r,
      );
    expect(written(shared)).toEqual(written(here));
    expect(here).toHaveLength(10_000);
    const kinds = (k: CheckedRow['kind']) => here.filter((r) => r.kind === k).length;
    expect(kinds('update')).toBe(1);
    expect(kinds('failed')).toBeGreaterThan(200);
    expect(here.find((r) => r.row === 202)).toMatchObject({ kind: 'failed', errors: [{ code: 'DUPLICATE_IN_FILE' }] });
  });
});
