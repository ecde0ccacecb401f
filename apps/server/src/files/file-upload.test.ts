import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import {
  DOCX,
  EXE,
  HTML,
  JPEG,
  PDF,
  PNG,
  pngOfSize,
  setupClaims,
  SVG,
  upload,
  type ClaimsSetup,
} from './file-test-app.js';

let server: ApiTestServer;
let claims: ClaimsSetup;

beforeAll(async () => {
  server = await startApiServer();
  claims = await setupClaims(server);
});
afterAll(async () => server.close());

/** Every regular file under the data dir, relative to it (temp files included). */
function filesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(server.dataDir, path));
    }
  };
  walk(server.dataDir);
  return out.sort();
}

const fileRows = () => (server.store.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n;

describe('POST /api/v1/forms/:formId/files', () => {
  it('stores a PNG for an image field and answers the file ref the record field stores', async () => {
    const res = await upload(claims.alice, 'photos', PNG, 'receipt.png');
    expect(res.status, res.text).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'mime', 'name', 'size']);
    expect(res.body).toMatchObject({ name: 'receipt.png', size: PNG.length, mime: 'image/png' });
    const sha = server.store.db
      .prepare('SELECT sha256, storage_key, form_id, field_id, created_by FROM files WHERE id = ?')
      .get(res.body.id) as Record<string, string>;
    expect(sha).toMatchObject({ form_id: 'claims', field_id: 'photos', created_by: claims.alice.memberId });
    expect(sha['storage_key']).toBe(`${sha['sha256']!.slice(0, 2)}/${sha['sha256']}`);
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sha['sha256']!, 'hex').toString('base64')}:`);
    // The ref is exactly what a record field accepts.
    const record = await claims.alice.request('POST', '/api/v1/forms/claims/records', {
      data: { title: 'Taxi', photos: [res.body] },
    });
    expect(record.status, record.text).toBe(201);
  });

  it('stores identical bytes once: same hash and storage key, one blob on disk, one row per upload', async () => {
    const bytes = Buffer.concat([PNG, Buffer.from('same-content-test')]);
    const first = await upload(claims.alice, 'photos', bytes, 'a.png');
    const second = await upload(claims.bob, 'files', bytes, 'b.png');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers.get('repr-digest')).toBe(first.headers.get('repr-digest'));
    const rows = server.store.db
      .prepare('SELECT storage_key FROM files WHERE id IN (?, ?)')
      .all(first.body.id, second.body.id) as { storage_key: string }[];
    expect(new Set(rows.map((r) => r.storage_key)).size).toBe(1);
    const key = rows[0]!.storage_key;
    expect(filesOnDisk().filter((p) => p.endsWith(key.split('/')[1]!))).toEqual([join('files', key)]);
    expect(filesOnDisk().some((p) => p.includes('tmp') && p.endsWith('.part'))).toBe(false);
  });

  it("refuses a file over the field's maxSizeMb with 413 FILE_TOO_LARGE and keeps nothing", async () => {
    const before = [fileRows(), filesOnDisk().length];
    const res = await upload(claims.alice, 'photos', pngOfSize(1024 * 1024 + 1), 'big.png');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
    expect(res.body.errors?.[0]?.path).toBe('body.file');
    const exact = await upload(claims.alice, 'photos', pngOfSize(1024 * 1024), 'exact.png');
    expect(exact.status, exact.text).toBe(201);
    expect([fileRows(), filesOnDisk().length]).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('applies the server cap when streaming without a Content-Length (chunked) and up front with one', async () => {
    const saved = process.env['FORMFLOW_MAX_UPLOAD_BYTES'];
    process.env['FORMFLOW_MAX_UPLOAD_BYTES'] = String(256 * 1024);
    try {
      const rows = fileRows();
      const declared = await upload(claims.alice, 'files', pngOfSize(512 * 1024), 'declared.png');
      expect(declared.status).toBe(413);
      expect(declared.body.code).toBe('FILE_TOO_LARGE');

      const boundary = 'formflowboundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chunked.png"\r\nContent-Type: image/png\r\n\r\n`;
      const body = Buffer.concat([Buffer.from(head), pngOfSize(300 * 1024), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < body.length; i += 16 * 1024) controller.enqueue(body.subarray(i, i + 16 * 1024));
          controller.close();
        },
      });
      const res = await fetch(`${server.base}/api/v1/forms/claims/files?field=files`, {
        method: 'POST',
        headers: { cookie: claims.alice.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { code: string }).code).toBe('FILE_TOO_LARGE');
      expect(fileRows()).toBe(rows);
      expect(filesOnDisk().some((p) => p.endsWith('.part'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['FORMFLOW_MAX_UPLOAD_BYTES'];
      else process.env['FORMFLOW_MAX_UPLOAD_BYTES'] = saved;
    }
  });

  it('decides the type from the bytes: a program renamed .png is 415 in image and attachment fields', async () => {
    const rows = fileRows();
    for (const field of ['photos', 'files', 'receipt']) {
      const res = await upload(claims.alice, field, EXE, 'holiday.png');
      expect(res.status, field).toBe(415);
      expect(res.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    // A PDF named .png, a PNG named .pdf: the name must agree with the bytes.
    expect((await upload(claims.alice, 'files', PDF, 'x.png')).status).toBe(415);
    expect((await upload(claims.alice, 'files', PNG, 'x.pdf')).status).toBe(415);
    expect(fileRows()).toBe(rows);
  });

  it('image fields take raster images only (never SVG); signatures take PNG/JPEG; accept narrows attachments', async () => {
    expect((await upload(claims.alice, 'photos', SVG, 'logo.svg')).status).toBe(415);
    expect((await upload(claims.alice, 'photos', PDF, 'doc.pdf')).status).toBe(415);
    const jpeg = await upload(claims.alice, 'photos', JPEG, 'IMG_0001.JPG');
    expect(jpeg.status).toBe(201);
    expect(jpeg.body.mime).toBe('image/jpeg');
    // Unnamed extension: the bytes decide.
    const bare = await upload(claims.alice, 'photos', PNG, 'camera-upload');
    expect(bare.body.mime).toBe('image/png');

    expect((await upload(claims.alice, 'sign', PNG, 'sign.png')).status).toBe(201);
    expect((await upload(claims.alice, 'sign', PDF, 'sign.pdf')).status).toBe(415);

    // receipt accepts .pdf and image/*.
    expect((await upload(claims.alice, 'receipt', PDF, '发票.pdf')).body.mime).toBe('application/pdf');
    expect((await upload(claims.alice, 'receipt', PNG, 'scan.png')).status).toBe(201);
    const docx = await upload(claims.alice, 'receipt', DOCX, 'invoice.docx');
    expect(docx.status).toBe(415);
    expect(docx.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    // Unrestricted attachments take documents, SVG and HTML (they are always downloaded, never rendered).
    const word = await upload(claims.alice, 'files', DOCX, 'report.docx');
    expect(word.body.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await upload(claims.alice, 'files', SVG, 'logo.svg')).body.mime).toBe('image/svg+xml');
    expect((await upload(claims.alice, 'files', HTML, 'page.html')).body.mime).toBe('text/html');
    // Sub-table columns are addressed as `subtable.column`.
    expect((await upload(claims.alice, 'items.scan', PDF, 'scan.pdf')).status).toBe(201);
  });

  it('keeps the user name as clean metadata: traversal, NUL, bidi overrides and 5,000 characters', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\win.ini', 'win.ini'],
      ['/etc/shadow', 'shadow'],
      ['a\u0000.txt', 'a.txt'],
      ['invoice\u202etxt.exe\u202c.txt', 'invoicetxt.exe.txt'],
      ['..', 'file'],
      ['..%2f..%2fformflow.db', '%2f..%2fformflow.db'],
      ['  合同 2025.txt ', '合同 2025.txt'],
      ['e\u0301.txt', '\u00e9.txt'],
    ];
    for (const [raw, expected] of cases) {
      const res = await upload(claims.alice, 'files', Buffer.from('plain text'), raw);
      expect(res.status, raw).toBe(201);
      expect(res.body.name, raw).toBe(expected);
    }
    const long = await upload(claims.alice, 'files', Buffer.from('text'), `${'名'.repeat(5000)}.txt`);
    expect(long.status).toBe(201);
    expect([...long.body.name].length).toBe(255);
    expect(long.body.name.endsWith('.txt')).toBe(true);
    // Nothing but content-addressed blobs under files/ (and no stray temp files).
    for (const path of filesOnDisk()) expect(path).toMatch(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it('answers request problems precisely: not multipart, no file, empty file, fields and permissions', async () => {
    const json = await claims.alice.request('POST', '/api/v1/forms/claims/files?field=files', { file: 'x' });
    expect(json.status).toBe(415);
    const noFile = new FormData();
    noFile.append('note', 'just a field');
    const none = await claims.alice.request('POST', '/api/v1/forms/claims/files?field=files', noFile);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('NO_FILE');
    const empty = await upload(claims.alice, 'files', Buffer.alloc(0), 'empty.txt');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('EMPTY_FILE');

    const unknown = await upload(claims.alice, 'nope', PNG, 'a.png');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: [{ path: 'querystring.field' }] });
    expect((await upload(claims.alice, 'title', PNG, 'a.png')).body.code).toBe('NOT_A_FILE_FIELD');
    expect((await upload(claims.alice, 'items.what', PNG, 'a.png')).body.code).toBe('NOT_A_FILE_FIELD');
    const missingField = await claims.alice.request('POST', '/api/v1/forms/claims/files', new FormData());
    expect(missingField.status).toBe(400);

    const hidden = await upload(claims.alice, 'secret', PNG, 'a.png', 'claims', { 'accept-language': 'zh-CN' });
    expect(hidden.status).toBe(403);
    expect(hidden.body.code).toBe('FIELD_NOT_WRITABLE');
    expect(hidden.text).toContain('你不能填写字段');
    expect((await upload(claims.auditor, 'photos', PNG, 'a.png')).status).toBe(403);
    expect((await upload(claims.nobody, 'photos', PNG, 'a.png')).status).toBe(403);
    expect((await upload(server.anonymous, 'photos', PNG, 'a.png')).status).toBe(401);
    expect((await upload(claims.alice, 'photos', PNG, 'a.png', 'no-such-form')).status).toBe(404);
    const other = await server.addWorkspace();
    expect((await upload(other, 'photos', PNG, 'a.png')).status).toBe(404);
  });
});
