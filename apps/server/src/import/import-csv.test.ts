import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv, type ImportCsvOptions, type ImportProgress } from './import-csv.js';
import {
  CUSTOMER_FORM,
  allData,
  chunked,
  ctx,
  recordCount,
  registry,
  target,
  tempStore,
} from './testing/import-fixtures.js';

let db: ReturnType<typeof tempStore>;
beforeEach(() => {
  db = tempStore();
});
afterEach(() => db.close());

const GB_HEADER = [0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb1, 0xb8, 0xd7, 0xa2, 0x0d, 0x0a]; // 客户名称,备注\r\n
const GB_ROW = [0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0xbf, 0xcd, 0xbb, 0xa7, 0x0d, 0x0a]; // 你好,客户\r\n

function run(csv: string | Uint8Array, options: Partial<ImportCsvOptions> = {}) {
  const all: ImportCsvOptions = { ...target, form: CUSTOMER_FORM, registry, ctx, mode: 'allOrNothing', ...options };
  return importCsv(db.store, all, chunked(csv, 64));
}

const BROKEN = '客户名称,金额,备注\r\n甲公司,100,ok\r\n乙公司,abc,bad amount\r\n丙公司,300,ok\r\n';

describe('importCsv', () => {
  it('imports a GB18030 file: the Chinese header 客户名称 and values come through intact', async () => {
    const result = await run(new Uint8Array([...GB_HEADER, ...GB_ROW]));
    expect(result).toMatchObject({ imported: 1, failed: 0, encoding: 'gb18030' });
    expect(allData(db.store)).toEqual([{ name: '你好', note: '客户' }]);
  });

  it('allOrNothing: one broken row → 0 rows written, the error names row and column', async () => {
    const result = await run(BROKEN);
    expect(result).toMatchObject({ imported: 0, failed: 1 });
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: '金额', fieldId: 'amount' })]);
    expect(result.errors[0]?.message['zh-CN']).toContain('第 2 行“金额”');
    expect(recordCount(db.store)).toBe(0);
  });

  it('validRowsOnly: the same file writes the valid rows and reports the broken one', async () => {
    const result = await run(BROKEN, { mode: 'validRowsOnly' });
    expect(result).toMatchObject({ imported: 2, failed: 1, errors: [{ row: 2, column: '金额' }] });
    expect(allData(db.store).map((d) => d['name'])).toEqual(['甲公司', '丙公司']);
  });

  it('reports an in-file duplicate of a unique field (folded: ACME ≡ acme) and writes nothing', async () => {
    const result = await run('客户名称\nacme\nbeta\nACME\n');
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, column: '客户名称', code: 'DUPLICATE_IN_FILE' })]);
    expect(result.errors[0]?.message.en).toContain('duplicates row 1');
    expect(recordCount(db.store)).toBe(0);
  });

  it('reports duplicates against the database per row and rolls the whole import back (allOrNothing)', async () => {
    await run('客户名称\n老客户\n');
    const result = await run('客户名称\n新客户\n老客户\n');
    expect(result).toMatchObject({ imported: 0, failed: 1, rolledBack: true });
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, code: 'UNIQUE_CONFLICT', column: '客户名称' })]);
    expect(allData(db.store).map((d) => d['name'])).toEqual(['老客户']);
    const partial = await run('客户名称\n新客户\n老客户\n', { mode: 'validRowsOnly' });
    expect(partial).toMatchObject({ imported: 1, failed: 1 });
    expect(recordCount(db.store)).toBe(2);
  });

  it('dedupe by a unique field: skip leaves the record, update patches the columns in the file', async () => {
    await run('客户名称,备注,金额\nA,old,5\n');
    expect(
      await run('客户名称,备注\nA,new\nB,x\n', { dedupe: { fieldId: 'name', onDuplicate: 'skip' } }),
    ).toMatchObject({ imported: 1, skipped: 1, failed: 0 });
    const updated = await run('客户名称,备注\nA,new\n', { dedupe: { fieldId: 'name', onDuplicate: 'update' } });
    expect(updated).toMatchObject({ imported: 0, updated: 1 });
    expect(allData(db.store)).toEqual([
      { name: 'A', note: 'new', amount: 5 },
      { name: 'B', note: 'x' },
    ]);
    await expect(run('客户名称\nA\n', { dedupe: { fieldId: 'note', onDuplicate: 'skip' } })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
    });
  });

  it('dryRun checks everything against the database and writes nothing', async () => {
    const result = await run('客户名称\nA\nB\n', { dryRun: true });
    expect(result).toMatchObject({ imported: 2, failed: 0, rolledBack: true });
    expect(recordCount(db.store)).toBe(0);
  });

  it('file-level problems throw before anything is written (0 bytes, __proto__ header, duplicate header)', async () => {
    await expect(run('')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(run('客户名称,__proto__\nA,1\n')).rejects.toMatchObject({ code: 'FORBIDDEN_HEADER' });
    await expect(run('客户名称,客户名称\nA,B\n')).rejects.toMatchObject({ code: 'DUPLICATE_HEADER' });
    expect(recordCount(db.store)).toBe(0);
  });

  it('reports progress at least every 1,000 rows, with bytes read', async () => {
    const lines = ['客户名称'];
    for (let i = 0; i < 2500; i += 1) lines.push(`c${i}`);
    const seen: ImportProgress[] = [];
    const result = await run(lines.join('\n'), { onProgress: (p) => seen.push(p), totalBytes: 1 });
    expect(result.imported).toBe(2500);
    expect(seen.map((p) => p.rowsDone)).toEqual([1000, 2000, 2500]);
    expect(seen.at(-1)).toMatchObject({ rowsOk: 2500, rowsFailed: 0, totalBytes: 1 });
    expect(seen.at(-1)?.bytesRead).toBeGreaterThan(10000);
  });
});

describe('importCsv staging spill (allOrNothing beyond stagingMemoryRows)', () => {
  let spoolDir: string;
  beforeEach(() => {
    spoolDir = mkdtempSync(join(tmpdir(), 'formflow-spool-test-'));
  });
  afterEach(() => rmSync(spoolDir, { recursive: true, force: true }));

  const csv = (names: string[]) => ['客户名称,备注', ...names.map((n) => `${n},"多行\n😀 مرحبا"`)].join('\r\n');
  const names = Array.from({ length: 50 }, (_, i) => `客户${i}`);

  it('spills to a temp file, writes every row in one transaction and deletes the file', async () => {
    const result = await run(csv(names), { stagingMemoryRows: 3, stagingDir: spoolDir });
    expect(result).toMatchObject({ imported: 50, failed: 0 });
    expect(allData(db.store).map((d) => d['name'])).toEqual(names);
    expect(allData(db.store)[49]?.['note']).toBe('多行\n😀 مرحبا');
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('a conflict in the spilled part rolls back every row, and the file is deleted', async () => {
    await run('客户名称\n客户42\n');
    const result = await run(csv(names), { stagingMemoryRows: 3, stagingDir: spoolDir });
    expect(result).toMatchObject({ imported: 0, failed: 1, errors: [{ row: 43, code: 'UNIQUE_CONFLICT' }] });
    expect(recordCount(db.store)).toBe(1);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
