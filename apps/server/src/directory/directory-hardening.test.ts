import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;
let departmentId: string;
let roleId: string;
let memberId: string;

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  departmentId = (await owner.request('POST', '/api/v1/departments', { name: 'Sales' })).body.id;
  roleId = (await owner.request('POST', '/api/v1/roles', { name: 'Lead' })).body.id;
  memberId = (await server.addMember({ name: 'Someone' })).memberId;
});
afterAll(async () => server.close());

/** Everything the directory routes could have written, as one comparable snapshot. */
function snapshot() {
  const ws = owner.workspaceId;
  return JSON.stringify({
    workspace: server.store.db.prepare('SELECT name FROM workspaces WHERE id = ?').get(ws),
    members: server.ctx.directory.listMembers(ws),
    departments: server.ctx.directory.listDepartments(ws),
    roles: server.ctx.directory.listRoles(ws),
  });
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const HUGE = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });

describe('directory routes never answer 500 and write nothing on bad input', () => {
  const routes = (): [string, string][] => [
    ['PATCH', '/api/v1/workspace'],
    ['POST', '/api/v1/members'],
    ['PATCH', `/api/v1/members/${memberId}`],
    ['POST', '/api/v1/departments'],
    ['PATCH', `/api/v1/departments/${departmentId}`],
    ['POST', '/api/v1/roles'],
    ['PATCH', `/api/v1/roles/${roleId}`],
  ];
  const bodies: [string, string, Record<string, string>, number][] = [
    ['malformed JSON', '{"name":', JSON_HEADERS, 400],
    ['trailing garbage', '{"name":"a"} x', JSON_HEADERS, 400],
    ['wrong type', '{"name":5}', JSON_HEADERS, 400],
    ['array body', '[{"name":"a"}]', JSON_HEADERS, 400],
    ['null body', 'null', JSON_HEADERS, 400],
    ['unknown property', '{"name":"a","workspaceId":"other","isAdmin":true}', JSON_HEADERS, 400],
    ['__proto__ key', '{"__proto__":{"isAdmin":true},"name":"a"}', JSON_HEADERS, 400],
    ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}},"name":"a"}', JSON_HEADERS, 400],
    ['text/plain', '{"name":"a"}', { 'content-type': 'text/plain' }, 415],
    ['oversized', HUGE, JSON_HEADERS, 413],
  ];

  it.each(bodies)('%s', async (_label, body, headers, status) => {
    const before = snapshot();
    for (const [method, path] of routes()) {
      const response = await owner.request(method, path, body, headers);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/);
      expect(response.text).not.toMatch(/at .*\.ts:\d+|node_modules|SQLITE/);
    }
    expect(snapshot()).toBe(before);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('type confusion in member changes is 400 with the path', async () => {
    const before = snapshot();
    const cases: unknown[] = [
      { departmentIds: 'dept-1' },
      { roleIds: [{}] },
      { role: 'superuser' },
      { status: 'deleted' },
      { name: { zh: 'x' } },
      {},
    ];
    for (const body of cases) {
      const response = await owner.request('PATCH', `/api/v1/members/${memberId}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors?.[0]?.path ?? '').toMatch(/^body/);
    }
    expect(snapshot()).toBe(before);
  });

  it('invalid characters and overlong names are refused', async () => {
    const before = snapshot();
    for (const name of ['a\u0000b', 'a\uD800b', '部'.repeat(101), '\u200b'.repeat(0) + ' ']) {
      const response = await owner.request('POST', '/api/v1/roles', { name });
      expect(response.status, JSON.stringify(name)).toBe(400);
    }
    // 100 graphemes is fine, even when each is a multi-unit family emoji.
    const emoji = await owner.request('POST', '/api/v1/roles', { name: '👨‍👩‍👧‍👦'.repeat(100) });
    expect(emoji.status).toBe(201);
    expect(JSON.parse(snapshot()).roles).toHaveLength(2);
    expect(before).not.toBe(snapshot());
  });

  it('malformed path ids are 4xx problems (404 for a plausible id), never 500', async () => {
    const before = snapshot();
    for (const id of ['%00', 'x'.repeat(100), '..%2f..%2fetc', "1'%20OR%20'1'='1"]) {
      const response = await owner.request('PATCH', `/api/v1/departments/${id}`, { name: 'x' });
      expect(response.status, id).toBeGreaterThanOrEqual(400);
      expect(response.status, id).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Over Fastify's maxParamLength (100) the router itself answers 414 (plain JSON, before our handlers).
    for (const id of ['x'.repeat(101), 'x'.repeat(5000)]) {
      expect((await owner.request('PATCH', `/api/v1/departments/${id}`, { name: 'x' })).status).toBe(414);
    }
    expect((await owner.request('DELETE', "/api/v1/roles/1'%20OR%20'1'='1")).status).toBe(404);
    expect(snapshot()).toBe(before);
  });
});
