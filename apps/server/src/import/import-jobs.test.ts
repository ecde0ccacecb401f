import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { pollJob, setupImports, storedData, upload, type ImportSetup } from './testing/import-api.js';

let server: ApiTestServer;
let people: ImportSetup;
beforeAll(async () => {
  server = await startApiServer();
  people = await setupImports(server);
});
afterAll(async () => server.close());

const finalOf = async (jobId: string) => (await pollJob(server.owner, jobId)).at(-1)!.body as Record<string, unknown>;

describe('an import job over HTTP', { timeout: 60_000 }, () => {
  it('202 at once, progress readable while it runs, then succeeded with the records written', async () => {
    const lines = ['客户名称,金额,签约日期,是否VIP,备注,评分'];
    for (let i = 0; i < 3000; i++)
      lines.push(`客户${i},"¥1,${String(i % 1000).padStart(3, '0')}.50",2025/3/${(i % 28) + 1},是,备注${i},${i % 100}`);
    const started = await upload(server.owner, 'customers', lines.join('\r\n'), '客户.csv', { mode: 'allOrNothing' });
    expect(started.status).toBe(202);
    const { jobId, statusUrl } = started.body as { jobId: string; statusUrl: string };
    expect(statusUrl).toBe(`/api/v1/imports/${jobId}`);
    const seen = await pollJob(server.owner, jobId);
    const final = seen.at(-1)!.body as Record<string, unknown>;
    expect(final).toMatchObject({
      status: 'succeeded',
      phase: 'done',
      percent: 100,
      rowsDone: 3000,
      totalRows: 3000,
      rowsImported: 3000,
      rowsFailed: 0,
      fileName: '客户.csv',
      error: null,
    });
    for (const response of seen) {
      const body = response.body as { percent: number; status: string };
      expect(body.percent).toBeGreaterThanOrEqual(0);
      expect(body.percent).toBeLessThanOrEqual(body.status === 'succeeded' ? 100 : 99);
    }
    const data = storedData(server);
    expect(data).toHaveLength(3000);
    // Parsed by the field types, plus what the server fills: serial, created-by, created-at.
    expect(data[1]).toMatchObject({ name: '客户1', amount: 1001.5, signed: '2025-03-02', vip: true, score: 1 });
    expect(data[0]?.['code']).toBe('KH00001');
    expect(data[2999]?.['code']).toBe('KH03000');
    expect(data[0]?.['creator']).toBe(server.owner.memberId);
    expect(typeof data[0]?.['created']).toBe('string');
    const audit = server.store.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'records.imported' AND target_id = ?`)
      .get(jobId) as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ imported: 3000, failed: 0 });
  });

  it('allOrNothing: one broken row → nothing written, failed with ROWS_FAILED; the error report lists the row', async () => {
    const before = storedData(server).length;
    const csv = '客户名称,金额,备注\r\n甲公司,100,ok\r\n乙公司,"=HYPERLINK(""http://evil"")",x\r\n丙公司,300,ok\r\n';
    const started = await upload(server.owner, 'customers', csv, 'broken.csv', { mode: 'allOrNothing' });
    expect(started.status).toBe(202);
    const jobId = (started.body as { jobId: string }).jobId;
    const final = await finalOf(jobId);
    expect(final).toMatchObject({ status: 'failed', rowsImported: 0, rowsFailed: 1, rowsDone: 3 });
    expect((final['error'] as { code: string }).code).toBe('ROWS_FAILED');
    expect(storedData(server)).toHaveLength(before);
    const report = await server.owner.request('GET', `/api/v1/imports/${jobId}/errors?format=csv`, undefined, {
      'accept-language': 'zh-CN',
    });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    expect(report.text.startsWith('行号,列,值,错误\r\n')).toBe(true);
    const raw = new Uint8Array(
      await (
        await fetch(`${server.base}/api/v1/imports/${jobId}/errors`, { headers: { cookie: server.owner.cookie } })
      ).arrayBuffer(),
    );
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The cell that looks like a formula is written inert (RELIABILITY I3).
    expect(report.text).not.toContain(',"=HYPERLINK');
    expect(report.text).toContain(`2,金额,"'=HYPERLINK(""http://evil"")",`);
    expect(report.text).toContain('第 2 行“金额”');
    const json = await server.owner.request('GET', `/api/v1/imports/${jobId}/errors?format=json`);
    expect(json.body).toMatchObject({
      rowsFailed: 1,
      errors: [{ row: 2, column: '金额', value: '=HYPERLINK("http://evil")', fieldId: 'amount' }],
    });
  });

  it('validRowsOnly: the same file imports the valid rows and reports the broken one', async () => {
    const csv = '客户名称,金额\n丁公司,100\n戊公司,abc\n己公司,300\n';
    const started = await upload(server.owner, 'customers', csv, 'partial.csv', { mode: 'validRowsOnly' });
    const final = await finalOf((started.body as { jobId: string }).jobId);
    expect(final).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsFailed: 1 });
    const names = storedData(server).map((d) => d['name']);
    expect(names).toEqual(expect.arrayContaining(['丁公司', '己公司']));
    expect(names).not.toContain('戊公司');
  });

  it('reads a GB18030 (GBK) CSV: Chinese headers and values intact', async () => {
    // 客户名称,备注\r\n 庚公司,你好\r\n in GB18030
    const bytes = new Uint8Array([
      0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb1, 0xb8, 0xd7, 0xa2, 0x0d, 0x0a, 0xb8, 0xfd, 0xb9, 0xab,
      0xcb, 0xbe, 0x2c, 0xc4, 0xe3, 0xba, 0xc3, 0x0d, 0x0a,
    ]);
    const preview = await upload(server.owner, 'customers', bytes, 'gbk.csv', undefined, 'imports/preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      delimiter: ',',
      headers: ['客户名称', '备注'],
    });
    const started = await upload(server.owner, 'customers', bytes, 'gbk.csv', { mode: 'allOrNothing' });
    expect(await finalOf((started.body as { jobId: string }).jobId)).toMatchObject({
      status: 'succeeded',
      rowsImported: 1,
    });
    expect(storedData(server)).toContainEqual(expect.objectContaining({ name: '庚公司', note: '你好' }));
  });

  it('dedupe by the unique name: skip leaves the record, update patches the non-empty cells', async () => {
    await finalOf(
      (
        (
          await upload(server.owner, 'customers', '客户名称,备注,评分\n老客户A,旧备注,5\n', 'a.csv', {
            mode: 'allOrNothing',
          })
        ).body as { jobId: string }
      ).jobId,
    );
    const skip = await upload(server.owner, 'customers', '客户名称,备注\n老客户A,新备注\n新客户B,x\n', 'b.csv', {
      mode: 'allOrNothing',
      dedupe: { field: 'name', onDuplicate: 'skip' },
    });
    expect(await finalOf((skip.body as { jobId: string }).jobId)).toMatchObject({ rowsImported: 1, rowsSkipped: 1 });
    const update = await upload(server.owner, 'customers', '客户名称,备注,评分\n老客户a,新备注,\n', 'c.csv', {
      mode: 'validRowsOnly',
      dedupe: { field: 'name', onDuplicate: 'update' },
    });
    expect(await finalOf((update.body as { jobId: string }).jobId)).toMatchObject({ rowsImported: 0, rowsUpdated: 1 });
    // The key matched case-insensitively (查重 folds text); the row's spelling is written, empty cells change nothing.
    const a = storedData(server).find((d) => d['name'] === '老客户a');
    expect(a).toMatchObject({ note: '新备注', score: 5 });
    const history = server.store.db
      .prepare(
        `SELECT action FROM record_history h JOIN records r ON r.id = h.record_id WHERE json_extract(r.data, '$.name') = '老客户a'`,
      )
      .all() as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['update']);
    // The same key twice in one file is ambiguous: reported, not guessed.
    const twice = await upload(server.owner, 'customers', '客户名称,备注\n老客户A,1\nACME,2\n老客户A,3\n', 'd.csv', {
      mode: 'validRowsOnly',
      dedupe: { field: 'name', onDuplicate: 'update' },
    });
    const final = await finalOf((twice.body as { jobId: string }).jobId);
    expect(final).toMatchObject({ rowsUpdated: 1, rowsImported: 1, rowsFailed: 1 });
  });

  it('dedupe: a non-unique field is 400 INVALID_OPTIONS; update without the edit permission is 403', async () => {
    const bad = await upload(server.owner, 'customers', '客户名称\nx\n', 'x.csv', {
      mode: 'allOrNothing',
      dedupe: { field: 'note', onDuplicate: 'skip' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_OPTIONS', errors: [{ path: 'options.dedupe.field' }] });
    const denied = await upload(people.clerk, 'customers', '客户名称\nx\n', 'x.csv', {
      mode: 'allOrNothing',
      dedupe: { field: 'name', onDuplicate: 'update' },
    });
    expect(denied.status).toBe(403);
    const allowed = await upload(people.clerk, 'customers', '客户名称\n录入员客户\n', 'x.csv', {
      mode: 'allOrNothing',
      dedupe: { field: 'name', onDuplicate: 'skip' },
    });
    expect(allowed.status).toBe(202);
    await pollJob(people.clerk, (allowed.body as { jobId: string }).jobId);
  });

  it('a column of a hidden or read-only field is refused (403 READONLY_COLUMN naming the column), nothing queued', async () => {
    const hidden = await upload(people.sales, 'customers', '客户名称,成本\nx,5\n', 'h.csv', { mode: 'allOrNothing' });
    expect(hidden.status).toBe(403);
    expect(hidden.body).toMatchObject({
      code: 'READONLY_COLUMN',
      errors: [{ path: 'file.columns[1]', code: 'READONLY_COLUMN' }],
    });
    expect((hidden.body as { errors: { message: string }[] }).errors[0]?.message).toContain('成本');
    const mapped = await upload(people.sales, 'customers', '客户名称,内部\nx,5\n', 'r.csv', {
      mode: 'allOrNothing',
      mapping: { 内部: 'rating' },
    });
    expect(mapped.status).toBe(403);
    expect((mapped.body as { detail: string }).detail).toContain('内部');
    // Mapping the column to null ignores it.
    const ignored = await upload(people.sales, 'customers', '客户名称,成本\n销售客户,5\n', 'i.csv', {
      mode: 'allOrNothing',
      mapping: { 成本: null },
    });
    expect(ignored.status).toBe(202);
    const final = (await pollJob(people.sales, (ignored.body as { jobId: string }).jobId)).at(-1)!.body;
    expect(final).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    expect(storedData(server).find((d) => d['name'] === '销售客户')).not.toHaveProperty('cost');
  });

  it('jobs are private: another workspace and another member get 404, an admin may read', async () => {
    const started = await upload(people.sales, 'customers', '客户名称\n私有客户\n', 'p.csv', { mode: 'allOrNothing' });
    const jobId = (started.body as { jobId: string }).jobId;
    await pollJob(people.sales, jobId);
    const stranger = await server.addWorkspace();
    for (const path of [`/api/v1/imports/${jobId}`, `/api/v1/imports/${jobId}/errors`]) {
      expect((await stranger.request('GET', path)).status).toBe(404);
      expect((await people.clerk.request('GET', path)).status).toBe(404);
      expect((await server.anonymous.request('GET', path)).status).toBe(401);
    }
    expect((await stranger.request('POST', `/api/v1/imports/${jobId}/cancel`)).status).toBe(404);
    const admin = await server.addMember({ role: 'admin' });
    expect((await admin.request('GET', `/api/v1/imports/${jobId}`)).status).toBe(200);
    expect((await server.owner.request('GET', `/api/v1/imports/${jobId}`)).status).toBe(200);
    expect((await stranger.request('GET', '/api/v1/imports/nope')).status).toBe(404);
    // A form of another workspace is 404 too.
    expect((await upload(stranger, 'customers', '客户名称\nx\n', 'x.csv', { mode: 'allOrNothing' })).status).toBe(404);
  });

  it('cancel: a finished job is 409 JOB_FINISHED', async () => {
    const started = await upload(server.owner, 'customers', '客户名称\n取消客户\n', 'c.csv', { mode: 'allOrNothing' });
    const jobId = (started.body as { jobId: string }).jobId;
    await pollJob(server.owner, jobId);
    const again = await server.owner.request('POST', `/api/v1/imports/${jobId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'JOB_FINISHED' });
  });
});

describe('preview', () => {
  it('shows encoding, delimiter, the proposed mapping and the first 20 rows with per-cell errors; writes nothing', async () => {
    const before = storedData(server).length;
    const lines = ['\uFEFF客户名称;金额;传真;签约日期'];
    for (let i = 0; i < 30; i++)
      lines.push(`预览${i};${i === 3 ? '十块' : i * 10};123;${i === 5 ? '2025-02-30' : '2025/3/1'}`);
    const response = await upload(server.owner, 'customers', lines.join('\n'), 'p.csv', undefined, 'imports/preview', {
      'accept-language': 'en',
    });
    expect(response.status).toBe(200);
    const body = response.body as {
      encoding: string;
      delimiter: string;
      columns: { column: string; fieldId: string | null }[];
      rows: {
        row: number;
        values?: Record<string, unknown>;
        errors: { column: string; code: string; message: string }[];
      }[];
      fields: { id: string }[];
    };
    expect(body).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(body.columns.map((c) => c.fieldId)).toEqual(['name', 'amount', null, 'signed']);
    expect(body.rows).toHaveLength(20);
    expect(body.rows[0]?.values).toMatchObject({ name: '预览0', amount: 0, signed: '2025-03-01' });
    expect(body.rows[3]?.errors).toEqual([expect.objectContaining({ column: '金额', code: expect.any(String) })]);
    expect(body.rows[3]?.errors[0]?.message).toContain('Row 4, column "金额"');
    expect(body.rows[5]?.errors[0]).toMatchObject({ column: '签约日期' });
    expect(body.fields.map((f) => f.id)).toContain('name');
    expect(body.fields.map((f) => f.id)).not.toContain('code');
    expect(storedData(server)).toHaveLength(before);
  });

  it('reports a refused column in the preview instead of failing', async () => {
    const response = await upload(
      people.sales,
      'customers',
      '客户名称,成本\nx,1\n',
      'p.csv',
      undefined,
      'imports/preview',
    );
    expect(response.status).toBe(200);
    const body = response.body as { columns: { column: string; fieldId: string | null; error?: { code: string } }[] };
    expect(body.columns[1]).toMatchObject({ column: '成本', fieldId: null, error: { code: 'READONLY_COLUMN' } });
    expect((body as unknown as { fields: { id: string }[] }).fields.map((f) => f.id)).not.toContain('cost');
  });
});
