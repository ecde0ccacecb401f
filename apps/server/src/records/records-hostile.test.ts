import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiResponse, type ApiTestServer } from '../testing/api-test-server.js';
import { createDeal, recordCount, recordsFingerprint, setupCrm } from './records-test-app.js';

let server: ApiTestServer;
let recordId: string;
let commentId: string;

beforeAll(async () => {
  server = await startApiServer();
  await setupCrm(server);
  for (let i = 0; i < 5; i++) await createDeal(server.owner, { name: `seed ${String(i)}`, amount: i });
  recordId = (await createDeal(server.owner, { name: 'target', amount: 1 })).id;
  commentId = (await server.owner.request('POST', `/api/v1/records/${recordId}/comments`, { body: 'c' })).body
    .id as string;
});
afterAll(async () => server.close());

/** Every record route that takes a body, with a valid body to mutate. */
const bodyRoutes = (): [string, string, unknown][] => [
  ['POST', '/api/v1/forms/deals/records', { data: { name: 'x' } }],
  ['PATCH', `/api/v1/records/${recordId}`, { data: { name: 'x' } }],
  ['POST', '/api/v1/forms/deals/records/batch', { create: [{ data: { name: 'x' } }] }],
  ['POST', '/api/v1/forms/deals/records/query', { limit: 5 }],
  ['POST', '/api/v1/forms/deals/aggregate', { groupBy: [], measures: [{ agg: 'count' }] }],
  ['POST', `/api/v1/records/${recordId}/history/restore`, { fieldId: 'amount', fromVersion: 1 }],
  ['POST', `/api/v1/records/${recordId}/comments`, { body: 'x' }],
];

/** Every record route, bodiless. */
const allRoutes = (): [string, string][] => [
  ...bodyRoutes().map(([m, p]) => [m, p] as [string, string]),
  ['GET', '/api/v1/forms/deals/records'],
  ['GET', '/api/v1/forms/deals/recycle-bin'],
  ['GET', `/api/v1/records/${recordId}`],
  ['DELETE', `/api/v1/records/${recordId}`],
  ['POST', `/api/v1/records/${recordId}/restore`],
  ['GET', `/api/v1/records/${recordId}/history`],
  ['GET', `/api/v1/records/${recordId}/comments`],
  ['DELETE', `/api/v1/comments/${commentId}`],
];

const headers = { 'if-match': '"999"' };

function expectProblem(res: ApiResponse, what: string) {
  expect(res.status, `${what} → ${String(res.status)} ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get('content-type'), what).toContain('application/problem+json');
  expect(res.text, what).not.toMatch(/at [\w.]+ \(|node_modules|SqliteError|\/work\//);
}

describe('no client input gets a 500, and none writes anything', () => {
  it('malformed JSON, wrong body types, text/plain, unknown properties and oversized bodies on every body route', async () => {
    const before = recordsFingerprint(server);
    const count = recordCount(server);
    for (const [method, path, valid] of bodyRoutes()) {
      const json = { 'content-type': 'application/json', ...headers };
      const cases: [string, unknown, Record<string, string>][] = [
        ['truncated JSON', '{"data":', json],
        ['trailing garbage', '{"data":{}} x', json],
        ['empty body', '', json],
        ['array body', '[]', json],
        ['string body', '"x"', json],
        ['null body', 'null', json],
        ['number body', '12', json],
        ['__proto__', '{"__proto__":{"isAdmin":true},"data":{}}', json],
        ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}},"data":{}}', json],
        ['text/plain', JSON.stringify(valid), { 'content-type': 'text/plain', ...headers }],
        ['form encoding', 'data=1', { 'content-type': 'application/x-www-form-urlencoded', ...headers }],
        ['unknown property', JSON.stringify({ ...(valid as object), isAdmin: true }), json],
        ['oversized (2 MiB)', JSON.stringify({ ...(valid as object), pad: 'x'.repeat(2 * 1024 * 1024) }), json],
      ];
      for (const [name, body, h] of cases) {
        const res = await server.owner.request(method, path, body, h);
        expectProblem(res, `${method} ${path} ${name}`);
        if (name.startsWith('oversized')) expect(res.status).toBe(413);
        if (name === 'text/plain') expect(res.status).toBe(415);
      }
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(recordCount(server)).toBe(count);
    expect(recordsFingerprint(server)).toBe(before);
  });

  it('wrong types inside record data and batch items are 4xx with a path', async () => {
    const before = recordsFingerprint(server);
    const bad: [string, string, unknown][] = [
      ['POST', '/api/v1/forms/deals/records', { data: 'x' }],
      ['POST', '/api/v1/forms/deals/records', { data: [] }],
      ['POST', '/api/v1/forms/deals/records', { data: null }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: { $gt: '' } } }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'x', amount: '12abc' } }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'a\ud800b' } }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'a\u0000b' } }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'x', 'name"; DROP TABLE records;--': 1 } }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'x', constructor: 1 } }],
      ['PATCH', `/api/v1/records/${recordId}`, { data: { amount: [1] } }],
      ['POST', '/api/v1/forms/deals/records/batch', { create: {} }],
      ['POST', '/api/v1/forms/deals/records/batch', { create: [{}] }],
      ['POST', '/api/v1/forms/deals/records/batch', { update: [{ id: recordId, version: '1', data: {} }] }],
      ['POST', '/api/v1/forms/deals/records/batch', { update: [{ id: recordId, version: 1.5, data: {} }] }],
      ['POST', '/api/v1/forms/deals/records/batch', { update: [{ id: recordId, version: -1, data: {} }] }],
      ['POST', `/api/v1/records/${recordId}/history/restore`, { fieldId: 'amount', fromVersion: '1' }],
      [
        'POST',
        `/api/v1/records/${recordId}/history/restore`,
        { fieldId: 'name"; DROP TABLE records;--', fromVersion: 1 },
      ],
      ['POST', `/api/v1/records/${recordId}/comments`, { body: ['x'] }],
    ];
    for (const [method, path, body] of bad) {
      const res = await server.owner.request(method, path, body, { 'if-match': '"1"' });
      expectProblem(res, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`);
      expect(res.body.errors?.length ?? 0, path).toBeGreaterThan(0);
    }
    // Deep nesting (A3): 100,000 levels in a record value, a batch item and a filter, sent as raw JSON text.
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const json = { 'content-type': 'application/json', 'if-match': '"1"' };
    const deepCases: [string, string, string][] = [
      ['POST', '/api/v1/forms/deals/records', `{"data":{"name":"x","note":${deep(100_000)}}}`],
      ['POST', '/api/v1/forms/deals/records', `{"data":{"name":"x","note":${deepObject(50_000)}}}`],
      ['PATCH', `/api/v1/records/${recordId}`, `{"data":{"note":${deep(100_000)}}}`],
      ['POST', '/api/v1/forms/deals/records/batch', `{"create":[{"data":{"note":${deepObject(50_000)}}}]}`],
      ['POST', '/api/v1/forms/deals/records/query', `{"filter":${'{"and":['.repeat(50_000)}${']}'.repeat(50_000)}}`],
      [
        'POST',
        '/api/v1/forms/deals/aggregate',
        `{"filter":${'{"or":['.repeat(50_000)}${']}'.repeat(50_000)},"groupBy":[],"measures":[{"agg":"count"}]}`,
      ],
    ];
    for (const [method, path, body] of deepCases) {
      const res = await server.owner.request(method, path, body, json);
      expectProblem(res, `${method} ${path} deep`);
    }
    expect(recordsFingerprint(server)).toBe(before);
  });

  it('SQL in filter fields, operators and sort keys is 400; SQL in a filter value is just a value', async () => {
    const before = recordsFingerprint(server);
    const query = '/api/v1/forms/deals/records/query';
    const bad: unknown[] = [
      { filter: { field: 'name; DROP TABLE records', op: 'eq', value: 1 } },
      { filter: { field: 'name', op: 'eq; DROP TABLE records', value: 1 } },
      { filter: { $raw: '1=1' } },
      { filter: { field: 'name', op: 'eq', value: 'x', extra: "') OR 1=1 --" } },
      { filter: { and: 'x' } },
      { filter: JSON.parse('{"and":['.repeat(300) + ']}'.repeat(300)) },
      { sort: [{ field: 'name; DROP TABLE records', direction: 'asc' }] },
      { sort: [{ field: 'name', direction: 'asc; DROP TABLE records' }] },
      { sort: [{ field: 'created_at desc;--', direction: 'asc' }] },
      { sort: 'name' },
      { cursor: "' OR 1=1 --" },
      { cursor: 'A'.repeat(5000) },
      { cursor: Buffer.from('{"k":[],"i":"x","d":"forged"}').toString('base64url') },
      { limit: 1_000_000_000 },
      { limit: 0 },
      { limit: -1 },
      { limit: 2.5 },
      { limit: '10' },
      { q: 'x'.repeat(201) },
      { fields: ['name; DROP TABLE records'] },
    ];
    for (const body of bad) {
      const res = await server.owner.request('POST', query, body);
      expectProblem(res, JSON.stringify(body).slice(0, 100));
      expect(res.status).toBe(400);
    }
    const aggregate: unknown[] = [
      { groupBy: [{ field: 'name; DROP TABLE records' }], measures: [{ agg: 'count' }] },
      { groupBy: [{ field: 'amount', bucket: "day'); DROP TABLE records;--" }], measures: [{ agg: 'count' }] },
      { groupBy: [], measures: [{ agg: 'count(*); DROP TABLE records;--' }] },
      { groupBy: [], measures: [] },
      { groupBy: [{ field: 'a' }, { field: 'b' }, { field: 'c' }], measures: [{ agg: 'count' }] },
      { measures: [{ agg: 'count' }] },
    ];
    for (const body of aggregate) {
      const res = await server.owner.request('POST', '/api/v1/forms/deals/aggregate', body);
      expectProblem(res, JSON.stringify(body).slice(0, 100));
    }
    const getCases = [
      'sort=name;%20DROP%20TABLE%20records',
      'sort=created_at%20desc;--',
      'sort=name:sideways',
      'sort=',
      'limit=1000000000',
      'limit=abc',
      'limit=-5',
      'cursor=%27%20OR%201%3D1',
      `cursor=${'A'.repeat(5000)}`,
      'unknown=1',
    ];
    for (const q of getCases) {
      const res = await server.owner.request('GET', `/api/v1/forms/deals/records?${q}`);
      expectProblem(res, q.slice(0, 60));
    }
    // A value is only ever a parameter: it matches nothing, and the table is still there.
    for (const value of ["x'; DROP TABLE records;--", '%', '_', '\\', "' OR '1'='1"]) {
      const res = await server.owner.request('POST', query, { filter: { field: 'name', op: 'contains', value } });
      expect(res.status).toBe(200);
      expect(res.body.records).toEqual([]);
      const search = await server.owner.request('GET', `/api/v1/forms/deals/records?q=${encodeURIComponent(value)}`);
      expect(search.status).toBe(200);
      expect(search.body.records).toEqual([]);
    }
    expect(recordsFingerprint(server)).toBe(before);
    expect((await server.owner.request('GET', '/api/v1/forms/deals/records')).body.records.length).toBeGreaterThan(0);
  });

  it('bogus ids, headers and querystrings on every route are 4xx; the server stays up', async () => {
    const before = recordsFingerprint(server);
    for (const [method, path] of allRoutes()) {
      const long = path
        .replace(recordId, 'x'.repeat(300))
        .replace(commentId, 'y'.repeat(300))
        .replace('deals', 'd'.repeat(300));
      if (long !== path)
        expectProblem(
          await server.owner.request(method, long, method === 'GET' || method === 'DELETE' ? undefined : {}),
          `${method} long id`,
        );
      const sqlId = path
        .replace(recordId, encodeURIComponent("1' OR '1'='1"))
        .replace(commentId, encodeURIComponent("1' OR '1'='1"))
        .replace('deals', encodeURIComponent('deals; DROP TABLE records'));
      const res = await server.owner.request(method, sqlId, method === 'GET' || method === 'DELETE' ? undefined : {});
      expectProblem(res, `${method} ${sqlId}`);
    }
    for (const tag of ['garbage', '"-1"', '"0"', '"99999999999999999999"', 'W/"1"']) {
      const res = await server.owner.request(
        'PATCH',
        `/api/v1/records/${recordId}`,
        { data: { amount: 2 } },
        { 'if-match': tag },
      );
      expectProblem(res, `if-match ${tag}`);
    }
    const comments = await server.owner.request('GET', `/api/v1/records/${recordId}/comments?limit=100000`);
    expectProblem(comments, 'comments limit');
    const bin = await server.owner.request('GET', '/api/v1/forms/deals/recycle-bin?limit=0');
    expectProblem(bin, 'bin limit');
    expect(recordsFingerprint(server)).toBe(before);
    expect((await server.owner.request('GET', '/api/v1/health')).status).toBe(200);
  });
});
