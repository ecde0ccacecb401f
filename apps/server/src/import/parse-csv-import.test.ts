import { describe, expect, it } from 'vitest';
import { parseCsvImport, type CsvHeaderInfo, type ParseCsvImportOptions } from './parse-csv-import.js';
import { CUSTOMER_FORM, chunked, collect, ctx, registry } from './testing/import-fixtures.js';

const base = { form: CUSTOMER_FORM, registry, ctx };

function run(csv: string | Uint8Array, options: Partial<ParseCsvImportOptions> = {}) {
  return collect(parseCsvImport(chunked(csv), { ...base, ...options }));
}

describe('parseCsvImport', () => {
  it('maps headers by label (zh-CN/en), key and id; parses 2025/3/1, ¥1,200.50, 是 and 1.2万', async () => {
    const csv = '客户名称,Amount,signed, 是否vip ,score\n阿里,"¥1,200.50",2025/3/1,是,1.2万\n';
    let info: CsvHeaderInfo | undefined;
    const rows = await run(csv, { onHeader: (h) => (info = h) });
    expect(info?.fieldIds).toEqual(['name', 'amount', 'signed', 'vip', 'score']);
    expect(rows).toEqual([
      { row: 1, ok: true, values: { name: '阿里', amount: 1200.5, signed: '2025-03-01', vip: true, score: 12000 } },
    ]);
    expect(Object.getPrototypeOf(rows[0]?.ok && rows[0].values)).toBe(Object.prototype);
  });

  it('reads a UTF-8 BOM file with CRLF, quoted newlines, Chinese, emoji and RTL text', async () => {
    const csv = '\uFEFFcustomerName,备注\r\n"多行\r\n客户",😀 مرحبا 你好\r\nB,"He said ""hi"""\r\n';
    const rows = await run(csv);
    expect(rows.map((r) => r.ok && r.values)).toEqual([
      { name: '多行\r\n客户', note: '😀 مرحبا 你好' },
      { name: 'B', note: 'He said "hi"' },
    ]);
  });

  it('detects ; and tab delimiters from the header line', async () => {
    const semi = await run('客户名称;金额;备注\nA;1200;"x, y"\n');
    expect(semi).toEqual([{ row: 1, ok: true, values: { name: 'A', amount: 1200, note: 'x, y' } }]);
    const tab = await run('客户名称\t备注\nA\tx,y\n');
    expect(tab[0]?.ok && tab[0].values).toEqual({ name: 'A', note: 'x,y' });
  });

  it('reports ragged rows (too few or too many cells) as row errors, not crashes', async () => {
    const rows = await run('客户名称,备注\nA\nB,x,extra\nC,ok\n');
    expect(rows.map((r) => [r.row, r.ok, !r.ok && r.errors[0]?.code])).toEqual([
      [1, false, 'RAGGED_ROW'],
      [2, false, 'RAGGED_ROW'],
      [3, true, false],
    ]);
  });

  it('a header-only file gives 0 rows; a 0-byte file is EMPTY_FILE', async () => {
    expect(await run('客户名称,备注\r\n')).toEqual([]);
    await expect(run('')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('refuses duplicate headers, including two names of one field', async () => {
    await expect(run('备注,备注\n1,2\n')).rejects.toMatchObject({ code: 'DUPLICATE_HEADER' });
    await expect(run('客户名称,customerName\na,b\n')).rejects.toMatchObject({ code: 'DUPLICATE_HEADER' });
  });

  it('refuses __proto__ / constructor / prototype headers and Object.prototype stays clean (A4)', async () => {
    for (const bad of ['__proto__', 'constructor', 'Prototype']) {
      await expect(run(`客户名称,${bad}\na,{"isAdmin":true}\n`)).rejects.toMatchObject({ code: 'FORBIDDEN_HEADER' });
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('ignores and reports unknown columns once, or refuses them when strict', async () => {
    let unknown: readonly string[] = [];
    const rows = await run('客户名称,传真\nA,123\nB,456\n', { onHeader: (h) => (unknown = h.unknownColumns) });
    expect(unknown).toEqual(['传真']);
    expect(rows.map((r) => r.ok && r.values)).toEqual([{ name: 'A' }, { name: 'B' }]);
    await expect(run('客户名称,传真\nA,1\n', { strict: true })).rejects.toMatchObject({ code: 'UNKNOWN_COLUMN' });
  });

  it('follows an explicit columnMap and refuses a column the importer may not write (H3)', async () => {
    const rows = await run('公司,说明\nA,x\n', { columnMap: { 公司: 'name', 说明: 'note' } });
    expect(rows[0]?.ok && rows[0].values).toEqual({ name: 'A', note: 'x' });
    const writable = new Set(['name']);
    await expect(run('客户名称,备注\nA,x\n', { writableFieldIds: writable })).rejects.toMatchObject({
      code: 'READONLY_COLUMN',
    });
  });

  it('names row, column and reason for an unparsable cell and for a missing required value', async () => {
    const rows = await run('客户名称,金额\nA,abc\n,5\n');
    expect(rows[0]).toMatchObject({ row: 1, ok: false, errors: [{ column: '金额', fieldId: 'amount' }] });
    expect(rows[1]).toMatchObject({ row: 2, ok: false, errors: [{ column: '客户名称', code: 'REQUIRED' }] });
    const message = !rows[0]?.ok ? rows[0]?.errors[0]?.message : undefined;
    expect(message?.['zh-CN']).toContain('第 1 行“金额”');
    expect(message?.en).toContain('Row 1, column "金额"');
  });

  it('stops at maxRows with TOO_MANY_ROWS and reports malformed quoting as MALFORMED_CSV', async () => {
    await expect(run('客户名称\na\nb\nc\n', { maxRows: 2 })).rejects.toMatchObject({ code: 'TOO_MANY_ROWS' });
    await expect(run('客户名称\n"unclosed\n')).rejects.toMatchObject({ code: 'MALFORMED_CSV' });
  });
});

describe('parseCsvImport early exit', () => {
  it('a consumer that stops after the first row does not hang and releases the parser', async () => {
    const lines = ['客户名称', ...Array.from({ length: 5000 }, (_, i) => `c${i}`)].join('\n');
    let first: unknown;
    for await (const row of parseCsvImport(chunked(lines, 100), base)) {
      first = row;
      break;
    }
    expect(first).toEqual({ row: 1, ok: true, values: { name: 'c0' } });
  });
});
