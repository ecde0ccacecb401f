import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { pollJob, setupImports, storedData, upload } from './testing/import-api.js';
import { zipFile } from './testing/zip-file.js';

let server: ApiTestServer;
beforeAll(async () => {
  server = await startApiServer();
  await setupImports(server);
});
afterAll(async () => server.close());

/** A workbook as a Chinese user's Excel holds it: dates, money, a formula, rich text, a hyperlink, a second sheet. */
async function customersWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['客户名称', '金额', '签约日期', '拜访时间', '是否VIP', '备注', '评分', '']);
  sheet.addRow([
    '阿里巴巴',
    1200.5,
    new Date(Date.UTC(2025, 2, 1)),
    new Date(Date.UTC(2025, 2, 1, 14, 30)),
    true,
    '重点客户 😀',
    5,
  ]);
  sheet.getCell('B2').numFmt = '"¥"#,##0.00';
  sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
  sheet.getCell('D2').numFmt = 'yyyy-mm-dd hh:mm';
  sheet.addRow([
    { richText: [{ text: '腾讯' }, { text: '科技', font: { bold: true } }] },
    { formula: 'B2*2', result: 2401 },
    new Date(Date.UTC(2024, 11, 31)),
    null,
    '否',
    { text: '官网', hyperlink: 'https://example.com' },
    3,
  ]);
  sheet.getCell('C3').numFmt = 'yyyy/m/d';
  sheet.addRow([]);
  sheet.addRow(['京东', '¥3,000', '2025年4月1日', null, null, null, null]);
  workbook.addWorksheet('说明').addRow(['这一页不导入']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('XLSX import', { timeout: 60_000 }, () => {
  it('previews the first worksheet: Chinese headers, dates as dates, money as numbers, formula results', async () => {
    const response = await upload(
      server.owner,
      'customers',
      await customersWorkbook(),
      '客户.xlsx',
      undefined,
      'imports/preview',
    );
    expect(response.status).toBe(200);
    const body = response.body as { format: string; headers: string[]; rows: { values?: Record<string, unknown> }[] };
    expect(body.format).toBe('xlsx');
    expect(body.headers).toEqual(['客户名称', '金额', '签约日期', '拜访时间', '是否VIP', '备注', '评分']);
    expect(body.rows.map((r) => r.values)).toEqual([
      {
        name: '阿里巴巴',
        amount: 1200.5,
        signed: '2025-03-01',
        visited: '2025-03-01T06:30:00.000Z',
        vip: true,
        note: '重点客户 😀',
        score: 5,
      },
      { name: '腾讯科技', amount: 2401, signed: '2024-12-31', vip: false, note: '官网', score: 3 },
      { name: '京东', amount: 3000, signed: '2025-04-01' },
    ]);
  });

  it('imports it as a job', async () => {
    const started = await upload(server.owner, 'customers', await customersWorkbook(), '客户.xlsx', {
      mode: 'allOrNothing',
    });
    expect(started.status).toBe(202);
    const final = (await pollJob(server.owner, (started.body as { jobId: string }).jobId)).at(-1)!.body;
    expect(final).toMatchObject({ status: 'succeeded', rowsImported: 3, rowsFailed: 0, totalRows: 3 });
    expect(storedData(server).map((d) => d['name'])).toEqual(['阿里巴巴', '腾讯科技', '京东']);
  });

  it('refuses a file named .xlsx that is really HTML, and an old .xls, with 422 INVALID_XLSX', async () => {
    const html = await upload(
      server.owner,
      'customers',
      '<html><body><table><tr><td>x</td></tr></table></body></html>',
      'report.xlsx',
      { mode: 'allOrNothing' },
    );
    expect(html.status).toBe(422);
    expect(html.body).toMatchObject({ code: 'INVALID_XLSX' });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await upload(server.owner, 'customers', xls, 'old.xls', undefined, 'imports/preview')).status).toBe(422);
    const notWorkbook = zipFile([{ name: 'hello.txt', data: Buffer.from('hi') }]);
    expect(
      (await upload(server.owner, 'customers', notWorkbook, 'x.xlsx', undefined, 'imports/preview')).body,
    ).toMatchObject({
      code: 'INVALID_XLSX',
    });
  });

  it('refuses zip bombs before parsing: oversized shared strings, a bomb ratio, lying sizes (413 XLSX_TOO_LARGE)', async () => {
    const workbookXml = Buffer.from('<workbook/>');
    const lying = zipFile([
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>'), declaredSize: 1024 ** 3 + 5 },
    ]);
    const ratio = zipFile([
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x61) },
    ]);
    for (const bomb of [lying, ratio]) {
      const response = await upload(server.owner, 'customers', bomb, 'bomb.xlsx', { mode: 'allOrNothing' });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'XLSX_TOO_LARGE' });
    }
  });

  it('refuses a header wider than 500 columns with 413 TOO_MANY_COLUMNS', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('宽').addRow(Array.from({ length: 600 }, (_, i) => `列${i}`));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const response = await upload(server.owner, 'customers', bytes, 'wide.xlsx', undefined, 'imports/preview');
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'TOO_MANY_COLUMNS' });
  });
});
