import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';

/** The HTTP surface every route shares: security headers, the OpenAPI document and docs page, router errors. */
let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server.close();
});

describe('security headers', () => {
  it('every API answer carries nosniff, a no-script CSP, no framing and no referrer', async () => {
    for (const path of ['/api/v1/health', '/api/v1/auth/me', '/api/v1/no-such-route']) {
      const response = await fetch(`${server.base}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await fetch(`${server.base}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login']));
    const login = doc.paths['/api/v1/auth/login']?.['post'] as { requestBody?: unknown } | undefined;
    expect(login?.requestBody).toBeDefined();
  });

  it('serves a browsable docs page without any CDN', async () => {
    const response = await fetch(`${server.base}/api/v1/docs/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('swagger');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z0-9.-]+\/[^"']*\.js/i);
  });
});

describe('router errors are problem+json too', () => {
  it('an over-long path parameter gets 414 URI_TOO_LONG', async () => {
    const response = await server.owner.request('GET', `/api/v1/records/${'x'.repeat(300)}`);
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((response.body as { code: string }).code).toBe('URI_TOO_LONG');
  });

  it('a malformed percent-escape in the path gets 400 INVALID_URL', async () => {
    const response = await server.owner.request('GET', '/api/v1/records/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((response.body as { code: string }).code).toBe('INVALID_URL');
  });
});
