import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@formflow/store';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { pollJob, setupImports, upload } from './testing/import-api.js';

let server: ApiTestServer;
beforeAll(async () => {
  server = await startApiServer();
  await setupImports(server);
});
afterAll(async () => server.close());

const HOSTILE_FILES: [string, Uint8Array | string][] = [
  ['empty.csv', ''],
  ['bom-only.csv', '\uFEFF'],
  ['header-only.csv', '客户名称,备注\r\n'],
  ['blank-lines.csv', '\n\n\n'],
  ['garbage.csv', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ['nul.csv', '客户名称\u0000,备注\nA\u0000B,x\n'],
  ['lone-surrogate.csv', '客户名称,备注\n"a\uD800b",x\n'],
  ['proto.csv', '客户名称,__proto__\nA,{"isAdmin":true}\n'],
  ['constructor.csv', 'constructor,prototype\n1,2\n'],
  ['dup-header.csv', '客户名称,customerName\nA,B\n'],
  ['unclosed.csv', '客户名称\n"never closed\nB\n'],
  ['after-quote.csv', '客户名称,备注\n"A"x,1\n'],
  ['ragged.csv', '客户名称,备注\nA\nB,x,y,z\n'],
  ['long-line.csv', `客户名称\n"${'长'.repeat(1_100_000)}"\n`],
  ['no-known-columns.csv', 'foo,bar\n1,2\n'],
  ['formula.csv', '客户名称,金额\n=cmd|calc,@SUM(1)\n'],
  ['deep-json.csv', `客户名称,备注\nA,"${'['.repeat(5000)}"\n`],
  ['zalgo.csv', `客户名称\nZ${'\u0301'.repeat(5000)}\n`],
  ['html.xlsx', '<html><body>not a workbook</body></html>'],
  ['xls.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['fake.zip.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
];

const HOSTILE_OPTIONS: unknown[] = [
  '{',
  '[]',
  'null',
  '"allOrNothing"',
  { mode: 'everything' },
  { mode: 'allOrNothing', extra: 1 },
  { mode: 'allOrNothing', mapping: { 客户名称: 42 } },
  { mode: 'allOrNothing', mapping: { 客户名称: 'nope' } },
  { mode: 'allOrNothing', mapping: { 不存在的列: 'name' } },
  { mode: 'allOrNothing', mapping: { 客户名称: 'code' } },
  { mode: 'allOrNothing', dedupe: { field: 'name' } },
  { mode: 'allOrNothing', dedupe: { field: 'nope', onDuplicate: 'skip' } },
  { mode: 'allOrNothing', encoding: 'ebcdic' },
  { mode: 'allOrNothing', delimiter: '|' },
  '{"mode":"allOrNothing","__proto__":{"isAdmin":true}}',
  '{"mode":"allOrNothing","mode":"validRowsOnly"}',
  `{"mode":"allOrNothing","mapping":${'{"a":'.repeat(300)}null${'}'.repeat(300)}}`,
];

describe('500-never sweep over the import routes', { timeout: 240_000 }, () => {
  it('hostile files: every answer is < 500, every job created ends, the server stays up', async () => {
    const jobs: string[] = [];
    for (const [name, bytes] of HOSTILE_FILES) {
      for (const route of ['imports/preview', 'imports'] as const) {
        const response = await upload(server.owner, 'customers', bytes, name, { mode: 'validRowsOnly' }, route);
        expect(response.status, `${route} ${name}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
        expect(response.text).not.toMatch(/at .*\.ts:\d+|\/work\/|node_modules/);
        if (response.status === 202) jobs.push((response.body as { jobId: string }).jobId);
      }
    }
    for (const jobId of jobs) {
      const final = (await pollJob(server.owner, jobId)).at(-1)!;
      expect(final.status).toBe(200);
      expect(['succeeded', 'failed']).toContain((final.body as { status: string }).status);
      const report = await server.owner.request('GET', `/api/v1/imports/${jobId}/errors`);
      expect(report.status).toBe(200);
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect((await server.owner.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('hostile options: 400 with a path, never 500', async () => {
    for (const options of HOSTILE_OPTIONS) {
      const response = await upload(server.owner, 'customers', '客户名称\nA\n', 'a.csv', options as never);
      expect(
        response.status,
        `${JSON.stringify(options).slice(0, 80)}: ${response.text.slice(0, 200)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((response.body as { errors?: unknown[] }).errors?.length ?? 0).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('malformed requests: no multipart, no file, two files, a wrong part, odd ids and queries', async () => {
    const owner = server.owner;
    const cases: [string, string, string | undefined, Record<string, string>][] = [
      ['POST', '/api/v1/forms/customers/imports', '{"mode":"allOrNothing"}', { 'content-type': 'application/json' }],
      ['POST', '/api/v1/forms/customers/imports', 'plain', { 'content-type': 'text/plain' }],
      [
        'POST',
        '/api/v1/forms/customers/imports',
        '--x\r\nbroken',
        { 'content-type': 'multipart/form-data; boundary=x' },
      ],
      ['POST', '/api/v1/forms/customers/imports/preview', undefined, {}],
      ['POST', `/api/v1/forms/${'x'.repeat(5000)}/imports`, undefined, {}],
      ['POST', '/api/v1/forms/..%2F..%2Fetc/imports', undefined, {}],
      ['GET', `/api/v1/imports/${'%00'.repeat(10)}`, undefined, {}],
      ['GET', `/api/v1/imports/${'x'.repeat(500)}`, undefined, {}],
      ['GET', '/api/v1/imports/nope/errors?format=xml', undefined, {}],
      ['POST', '/api/v1/imports/nope/cancel', undefined, {}],
    ];
    for (const [method, path, body, headers] of cases) {
      const response = await owner.request(method, path, body, headers);
      expect(response.status, `${method} ${path.slice(0, 60)}: ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(response.status).toBeLessThan(500);
    }
    const noFile = new FormData();
    noFile.append('options', '{"mode":"allOrNothing"}');
    expect((await owner.request('POST', '/api/v1/forms/customers/imports', noFile)).body).toMatchObject({
      code: 'NO_FILE',
    });
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob(['客户名称\nA\n']), 'a.csv');
    twoFiles.append('file', new Blob(['客户名称\nB\n']), 'b.csv');
    expect((await owner.request('POST', '/api/v1/forms/customers/imports', twoFiles)).status).toBeLessThan(500);
    const wrongName = new FormData();
    wrongName.append('upload', new Blob(['客户名称\nA\n']), 'a.csv');
    expect((await owner.request('POST', '/api/v1/forms/customers/imports', wrongName)).status).toBe(400);
  });

  it(
    'a write blocked past the busy timeout by another connection gets 503 BUSY with Retry-After, not 500',
    { timeout: 30_000 },
    async () => {
      const locker = openStore({ path: server.store.path });
      try {
        locker.db.exec('BEGIN IMMEDIATE');
        const response = await upload(server.owner, 'customers', '客户名称\n忙碌\n', 'busy.csv', {
          mode: 'allOrNothing',
        });
        expect(response.status).toBe(503);
        expect(response.body).toMatchObject({ code: 'BUSY' });
        expect(response.headers.get('retry-after')).toBe('5');
      } finally {
        locker.db.exec('ROLLBACK');
        locker.close();
      }
      expect((await server.owner.request('GET', '/api/v1/health')).status).toBe(200);
    },
  );
});
