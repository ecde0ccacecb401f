import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { createDeal, recordCount, setupCrm } from '../records/records-test-app.js';

/** Review finding (web): same-site pages on another origin could make signed-in writes through simple requests. */
describe('cross-site writes with the session cookie', () => {
  let server: ApiTestServer;
  let recordId: string;
  beforeAll(async () => {
    server = await startApiServer();
    await setupCrm(server);
    recordId = (await createDeal(server.owner, { name: 'Guarded deal' })).id;
  });
  afterAll(async () => server?.close());

  const own = () => new URL(server.base).host;

  it('refuses a write from another origin of the same site (Sec-Fetch-Site, Origin), and changes nothing', async () => {
    const before = recordCount(server);
    const fromPort = await server.owner.request('DELETE', `/api/v1/records/${recordId}`, undefined, {
      origin: 'http://127.0.0.1:1',
      'sec-fetch-site': 'same-site',
    });
    expect(fromPort.status).toBe(403);
    expect(fromPort.body).toMatchObject({ code: 'CROSS_SITE_REQUEST' });
    const byOriginOnly = await server.owner.request('POST', '/api/v1/forms/deals/publish', undefined, {
      origin: 'http://wiki.example.test',
    });
    expect(byOriginOnly.status).toBe(403);
    const opaque = await server.owner.request(
      'POST',
      '/api/v1/forms/deals/records',
      { data: { name: 'x' } },
      {
        origin: 'null',
      },
    );
    expect(opaque.status).toBe(403);
    const crossSite = await server.owner.request('POST', '/api/v1/auth/logout', undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(recordCount(server)).toBe(before);
    expect((await server.owner.request('GET', `/api/v1/records/${recordId}`)).status).toBe(200);
  });

  it("lets the app's own pages, scripts without browser headers and API keys write", async () => {
    const same = await server.owner.request(
      'POST',
      '/api/v1/forms/deals/records',
      { data: { name: 'Own page' } },
      {
        origin: `http://${own()}`,
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(same.status).toBe(201);
    const script = await server.owner.request('POST', '/api/v1/forms/deals/records', { data: { name: 'Script' } });
    expect(script.status).toBe(201);
    const key = await server.owner.request('POST', '/api/v1/api-keys', { name: 'sync' });
    const viaKey = await fetch(`${server.base}/api/v1/forms/deals/records`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key.body.key as string}`,
        'content-type': 'application/json',
        origin: 'https://erp.example.test',
      },
      body: JSON.stringify({ data: { name: 'From the ERP' } }),
    });
    expect(viaKey.status).toBe(201);
    // Reads are never refused (they change nothing, and CORP keeps their answers from other origins).
    const read = await server.owner.request('GET', `/api/v1/records/${recordId}`, undefined, {
      'sec-fetch-site': 'same-site',
    });
    expect(read.status).toBe(200);
  });

  it('refuses a login posted from another origin', async () => {
    const login = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:1' },
      body: JSON.stringify(server.ownerLogin),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
  });

  it('marks every API answer no-store, so signed-in data does not outlive the session in the browser cache', async () => {
    const record = await server.owner.request('GET', `/api/v1/records/${recordId}`);
    expect(record.headers.get('cache-control')).toBe('no-store');
    const apps = await server.owner.request('GET', '/api/v1/apps');
    expect(apps.headers.get('cache-control')).toBe('no-store');
  });
});
