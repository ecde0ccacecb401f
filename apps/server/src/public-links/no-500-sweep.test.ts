import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { PNG, setupClaims, upload, type ClaimsSetup } from '../files/file-test-app.js';
import { createLink, signupForm } from './public-link-test-app.js';

/**
 * Hostile and malformed input to every route of the files, export and public-link areas: each answer is a 4xx
 * problem (or a success), never a 500, and the server keeps serving.
 */
let server: ApiTestServer;
let claims: ClaimsSetup;
let token = '';
let linkId = '';
let fileId = '';
const savedLimit = process.env['FORMFLOW_PUBLIC_RATE_LIMIT'];

beforeAll(async () => {
  process.env['FORMFLOW_PUBLIC_RATE_LIMIT'] = '1000';
  server = await startApiServer();
  claims = await setupClaims(server, [signupForm]);
  const link = await createLink(server.owner);
  token = link.token;
  linkId = link.id;
  fileId = (await upload(claims.alice, 'photos', PNG, 'p.png')).body.id;
});
afterAll(async () => {
  if (savedLimit === undefined) delete process.env['FORMFLOW_PUBLIC_RATE_LIMIT'];
  else process.env['FORMFLOW_PUBLIC_RATE_LIMIT'] = savedLimit;
  await server.close();
});

type Probe = { method: string; path: string; body?: string | Uint8Array; headers?: Record<string, string> };

const deep = (n: number) => `${'{"and":['.repeat(n)}${']}'.repeat(n)}`;
const deepData = (n: number) => `{"data":{"note":${'['.repeat(n)}${']'.repeat(n)}}}`;

const MULTIPART = { 'content-type': 'multipart/form-data; boundary=b0undary' };

function probes(): Probe[] {
  const json = { 'content-type': 'application/json' };
  const up = (field: string) => `/api/v1/forms/claims/files?field=${field}`;
  const filePart = (name: string, fieldName = 'file') =>
    `--b0undary\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n${PNG.toString('latin1')}\r\n--b0undary--\r\n`;
  const list: Probe[] = [];
  for (const field of [
    '..%2F..%2Fetc',
    'a.b.c',
    '%00',
    'x'.repeat(129),
    'items.',
    '.scan',
    'items.scan.x',
    '__proto__',
    'constructor.prototype',
  ]) {
    list.push({ method: 'POST', path: up(field), body: filePart('a.png'), headers: MULTIPART });
  }
  list.push(
    { method: 'POST', path: up('photos'), body: 'garbage', headers: MULTIPART },
    { method: 'POST', path: up('photos'), body: filePart('a.png').slice(0, 60), headers: MULTIPART },
    { method: 'POST', path: up('photos'), body: filePart('a.png'), headers: { 'content-type': 'multipart/form-data' } },
    { method: 'POST', path: up('photos'), body: filePart('a.png', '__proto__'), headers: MULTIPART },
    { method: 'POST', path: up('photos'), body: filePart('a.png') + filePart('b.png'), headers: MULTIPART },
    { method: 'POST', path: up('photos'), body: filePart('\u0000\u202e../..'), headers: MULTIPART },
    { method: 'POST', path: up('photos'), body: 'x', headers: { 'content-type': 'text/plain' } },
    { method: 'POST', path: up('photos'), body: '{"a":', headers: json },
    { method: 'POST', path: '/api/v1/forms/%E2%80%AE/files?field=photos', body: filePart('a.png'), headers: MULTIPART },
  );
  for (const id of ['..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(65), '%F0%9F%98%80', 'null', fileId]) {
    list.push({ method: 'GET', path: `/api/v1/files/${id}` });
    list.push({
      method: 'GET',
      path: `/api/v1/files/${id}?disposition=inline`,
      headers: { 'if-none-match': '"zz", W/x, *' },
    });
  }
  const filters = [
    '[]',
    'null',
    '1',
    '"x"',
    '{"and":"x"}',
    '{"or":[null]}',
    deep(500),
    deep(30),
    '{"field":"title","op":"$raw","value":"1=1"}',
    '{"field":"title\\"; DROP TABLE records;--","op":"eq","value":1}',
    '{"__proto__":{"x":1}}',
    '{"field":"amount","op":"between","value":[{},[]]}',
    '{"field":"title","op":"eq","value":"\\ud800"}',
    '{"field":"items.scan","op":"isEmpty"}',
    '{"field":"creator","op":"isCurrentMember"}',
  ];
  for (const filter of filters) {
    for (const format of ['csv', 'xlsx']) {
      list.push({
        method: 'GET',
        path: `/api/v1/forms/claims/export?format=${format}&filter=${encodeURIComponent(filter)}`,
      });
    }
  }
  for (const sort of [
    'a:asc,'.repeat(150),
    'title:sideways',
    'photos:asc',
    'items:asc',
    'creator:desc',
    ',,',
    'title:asc;--',
  ]) {
    list.push({ method: 'GET', path: `/api/v1/forms/claims/export?sort=${encodeURIComponent(sort)}` });
  }
  list.push({ method: 'GET', path: '/api/v1/forms/claims/export?format=csv&format=xlsx' });
  list.push({ method: 'GET', path: '/api/v1/forms/claims/export?unknown=1' });

  const bodies = [
    '{"data":[]}',
    '{"data":null}',
    '{"data":"x"}',
    '{"data":{"name":{"a":1}}}',
    '{"data":{"name":"a\\u0000b"}}',
    '{"data":{"name":"\\ud800"}}',
    deepData(100000),
    '{"data":{"__proto__":{"admin":true}}}',
    '{"data":{"constructor":{"prototype":{"admin":true}}}}',
    '{"data":{"photo":[{"id":"x","name":"a","size":1,"mime":"image/png"}]}}',
    '{"data":{"photo":[{"id":1}]}}',
    '{"data":{"seats":1e999}}',
    '{"data":{"name":"x"},"data":{"seats":2}}',
    '{}',
    '[]',
    '{"data":{}}',
    `{"data":{"name":"${'长'.repeat(200000)}"}}`,
    `{"data":{"note":"${'a'.repeat(30000)}é"}}`,
  ];
  for (const body of bodies) {
    list.push({ method: 'POST', path: `/api/v1/public/forms/${token}/records`, body, headers: json });
  }
  list.push({
    method: 'POST',
    path: `/api/v1/public/forms/${token}/records`,
    body: 'name=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  for (const t of ['%00', 'x'.repeat(129), '..%2F..', '%E2%80%AE']) {
    list.push({ method: 'GET', path: `/api/v1/public/forms/${t}` });
    list.push({ method: 'POST', path: `/api/v1/public/forms/${t}/records`, body: '{"data":{}}', headers: json });
  }
  list.push({
    method: 'POST',
    path: `/api/v1/public/forms/${token}/files?field=photo`,
    body: filePart('a.png'),
    headers: MULTIPART,
  });
  list.push({
    method: 'POST',
    path: `/api/v1/public/forms/${token}/files?field=photo`,
    body: 'junk',
    headers: MULTIPART,
  });

  const patches = [
    '{}',
    '{"fields":[]}',
    '{"fields":"name"}',
    '{"expiresAt":"not-a-date"}',
    '{"expiresAt":"+275760-09-13T00:00:00Z"}',
    '{"expiresAt":"2026-02-30T00:00:00Z"}',
    '{"enabled":"yes"}',
    '{"name":"\\u0000"}',
    '{"fields":["name",null]}',
    '{"token":"x"}',
  ];
  for (const body of patches) {
    list.push({ method: 'PATCH', path: `/api/v1/public-links/${linkId}`, body, headers: json });
    list.push({ method: 'POST', path: '/api/v1/forms/signup/public-links', body, headers: json });
  }
  list.push({ method: 'PATCH', path: '/api/v1/public-links/%00', body: '{"enabled":true}', headers: json });
  list.push({ method: 'DELETE', path: '/api/v1/public-links/..%2F' });
  return list;
}

describe('no 500 on files, export and public-link routes', () => {
  it('answers every hostile request with a problem or a success, and keeps serving', async () => {
    const failures: string[] = [];
    for (const probe of probes()) {
      const started = Date.now();
      const res = await fetch(`${server.base}${probe.path}`, {
        signal: AbortSignal.timeout(5000),
        method: probe.method,
        headers: { cookie: server.owner.cookie, ...probe.headers },
        ...(probe.body !== undefined ? { body: probe.body } : {}),
      });
      const text = await res.text();
      if (Date.now() - started > 2000)
        failures.push(`${probe.method} ${probe.path.slice(0, 120)}: ${String(Date.now() - started)} ms`);
      const label = `${probe.method} ${probe.path.slice(0, 120)} → ${String(res.status)}`;
      if (res.status >= 500) failures.push(`${label} ${text.slice(0, 200)}`);
      else if (res.status >= 400 && !(res.headers.get('content-type') ?? '').includes('application/problem+json')) {
        failures.push(`${label}: not problem+json (${res.headers.get('content-type') ?? ''})`);
      }
      if (/at \w+ \(|node_modules|\/work\//.test(text)) failures.push(`${label}: leaks internals`);
    }
    expect(failures).toEqual([]);
    const link = await server.owner.request('GET', '/api/v1/forms/signup/public-links');
    expect(JSON.stringify(link.body)).not.toContain('\\u0000');
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  }, 60_000);
});
