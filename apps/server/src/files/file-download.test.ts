import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { HTML, PDF, PNG, setupClaims, SVG, upload, type ClaimsSetup, type FileRefBody } from './file-test-app.js';

let server: ApiTestServer;
let claims: ClaimsSetup;

beforeAll(async () => {
  server = await startApiServer();
  claims = await setupClaims(server);
});
afterAll(async () => server.close());

async function uploaded(session: TestSession, field: string, bytes: Uint8Array, name: string): Promise<FileRefBody> {
  const res = await upload(session, field, bytes, name);
  if (res.status !== 201) throw new Error(`upload failed: ${res.text}`);
  return res.body;
}

async function submit(session: TestSession, data: Record<string, unknown>): Promise<string> {
  const res = await session.request<{ id: string }>('POST', '/api/v1/forms/claims/records', { data });
  if (res.status !== 201) throw new Error(`submit failed: ${res.text}`);
  return res.body.id;
}

const download = (session: TestSession, id: string, query = '') =>
  fetch(`${server.base}/api/v1/files/${id}${query}`, { headers: session.cookie ? { cookie: session.cookie } : {} });

describe('GET /api/v1/files/:fileId', () => {
  it('streams the bytes to the uploader while the file is not attached, to nobody else', async () => {
    const ref = await uploaded(claims.alice, 'photos', PNG, 'draft.png');
    const mine = await download(claims.alice, ref.id);
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer()).equals(PNG)).toBe(true);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('content-disposition')).toBe(
      `attachment; filename="draft.png"; filename*=UTF-8''draft.png`,
    );
    for (const other of [claims.bob, claims.auditor, claims.nobody]) {
      const res = await download(other, ref.id);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
  });

  it('once attached: readers of the record and field get it; the row filter and hidden fields keep others out', async () => {
    const photo = await uploaded(claims.alice, 'photos', PNG, 'taxi.png');
    const receipt = await uploaded(claims.alice, 'receipt', PDF, 'taxi.pdf');
    await submit(claims.alice, { title: 'Taxi', photos: [photo], receipt: [receipt] });
    const secret = await uploaded(server.owner, 'secret', PDF, 'salary.pdf');
    await submit(server.owner, { title: 'Audit', secret: [secret] });

    expect((await download(claims.alice, photo.id)).status).toBe(200);
    expect((await download(server.owner, photo.id)).status).toBe(200);
    // The auditor views every claim: the photo yes, the hidden `secret` field's file no.
    expect((await download(claims.auditor, receipt.id)).status).toBe(200);
    expect((await download(claims.auditor, secret.id)).status).toBe(404);
    // Bob is staff too, but his row filter (own claims) does not reach Alice's claim.
    expect((await download(claims.bob, photo.id)).status).toBe(404);
    expect((await download(claims.nobody, photo.id)).status).toBe(404);
    // The uploader of `secret` is the owner, who reads everything.
    expect((await download(server.owner, secret.id)).status).toBe(200);
    expect((await download(server.anonymous, photo.id)).status).toBe(401);
  });

  it('a file of a sub-table column is readable through the record that holds it', async () => {
    const scan = await uploaded(claims.alice, 'items.scan', PDF, 'scan.pdf');
    expect((await download(claims.auditor, scan.id)).status).toBe(404);
    await submit(claims.alice, { title: 'Hotel', items: [{ what: 'room', scan: [scan] }] });
    expect((await download(claims.auditor, scan.id)).status).toBe(200);
    expect((await download(claims.bob, scan.id)).status).toBe(404);
  });

  it("answers another workspace's id exactly like a missing one", async () => {
    const ref = await uploaded(claims.alice, 'photos', PNG, 'x.png');
    const other = await server.addWorkspace();
    const foreign = await download(other, ref.id);
    const missing = await download(other, '0190aaaa-0000-7000-8000-000000000000');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
  });

  it('names Chinese files with RFC 6266 filename* and an ASCII fallback', async () => {
    const ref = await uploaded(claims.alice, 'files', PDF, '合同 终版(1).pdf');
    const res = await download(claims.alice, ref.id);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%E7%BB%88%E7%89%88%281%29.pdf`,
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('合同 终版(1).pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('serves inline only safe raster images; SVG and HTML are opaque attachments whatever is asked', async () => {
    const png = await uploaded(claims.alice, 'files', PNG, 'pic.png');
    const inline = await download(claims.alice, png.id, '?disposition=inline');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(inline.headers.get('content-security-policy')).toContain('sandbox');
    for (const [bytes, name] of [
      [SVG, 'logo.svg'],
      [HTML, 'page.html'],
    ] as const) {
      const ref = await uploaded(claims.alice, 'files', bytes, name);
      const res = await download(claims.alice, ref.id, '?disposition=inline');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await download(claims.alice, png.id, '?disposition=open')).status).toBe(400);
  });

  it('sends the SHA-256 as ETag and 304 on a match, after the permission check', async () => {
    const ref = await uploaded(claims.alice, 'files', PDF, 'e.pdf');
    const first = await download(claims.alice, ref.id);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await fetch(`${server.base}/api/v1/files/${ref.id}`, {
      headers: { cookie: claims.alice.cookie, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const stranger = await fetch(`${server.base}/api/v1/files/${ref.id}`, {
      headers: { cookie: claims.bob.cookie, 'if-none-match': etag },
    });
    expect(stranger.status).toBe(404);
  });
});
