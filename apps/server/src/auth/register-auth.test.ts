import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureOwner } from './ensure-owner.js';
import { cookieOf, startAuthServer, type AuthTestServer } from './testing/auth-test-server.js';

let server: AuthTestServer;
beforeEach(async () => {
  server = await startAuthServer();
});
afterEach(async () => server.close());

const PASSWORD = 'correct horse battery';

async function workspace(email = 'owner@example.com', name = 'Acme') {
  const created = await server.auth.createWorkspaceWithOwner({ workspaceName: name, email, password: PASSWORD });
  if (!created.ok) throw new Error(created.reason);
  return created;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.base}${path}`, { headers });

async function login(email = 'owner@example.com', password = PASSWORD): Promise<string> {
  const response = await post('/api/v1/auth/login', { email, password });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

describe('registerAuth', () => {
  it('login sets an HttpOnly SameSite=Lax cookie and /me answers the member', async () => {
    const { member, workspace: ws } = await workspace();
    const response = await post('/api/v1/auth/login', { email: 'Owner@Example.COM', password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ff_session=[\w-]{43}; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = (await response.json()) as { member: Record<string, unknown> };
    expect(body.member).toMatchObject({ id: member.id, workspaceId: ws.id, role: 'owner' });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
    const me = await get('/api/v1/auth/me', { cookie: cookieOf(response) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ member: { id: member.id, email: 'owner@example.com' }, via: 'session' });
  });

  it('adds Secure to the cookie when configured', async () => {
    await server.close();
    server = await startAuthServer({ secureCookies: true });
    await workspace();
    const response = await post('/api/v1/auth/login', { email: 'owner@example.com', password: PASSWORD });
    expect(response.headers.get('set-cookie')).toContain('; Secure');
  });

  it('answers wrong password and unknown email with the same 401 body', async () => {
    await workspace();
    const wrong = await post('/api/v1/auth/login', { email: 'owner@example.com', password: 'wrong password' });
    const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('rate-limits the 11th failure per IP + email with 429 and Retry-After', async () => {
    await workspace();
    for (let i = 0; i < 10; i += 1) {
      expect((await post('/api/v1/auth/login', { email: 'OWNER@example.com', password: `bad-${i}-pass` })).status).toBe(
        401,
      );
    }
    const limited = await post('/api/v1/auth/login', { email: 'owner@example.com', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Another email from the same IP is not blocked by this key.
    await workspace('b@example.com', 'B');
    expect((await post('/api/v1/auth/login', { email: 'b@example.com', password: PASSWORD })).status).toBe(200);
  });

  it('refuses unknown properties and non-strings with 400 instead of stripping them', async () => {
    await workspace();
    const extra = await post('/api/v1/auth/login', { email: 'owner@example.com', password: PASSWORD, admin: true });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ code: 'UNKNOWN_PROPERTY', errors: [{ path: '/admin' }] });
    const numeric = await post('/api/v1/auth/login', { email: 'owner@example.com', password: 12345678 });
    expect(numeric.status).toBe(400);
    const tooLong = await post('/api/v1/auth/login', { email: 'owner@example.com', password: 'x'.repeat(1025) });
    expect(tooLong.status).toBe(400);
    const missing = await post('/api/v1/auth/login', { email: 'owner@example.com' });
    expect(await missing.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('logout revokes the session: the next request is 401', async () => {
    await workspace();
    const cookie = await login();
    const logout = await fetch(`${server.base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await get('/api/v1/auth/me', { cookie });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('suspending the member denies the very next request (H7)', async () => {
    const { member, workspace: ws } = await workspace();
    const cookie = await login();
    expect((await get('/api/v1/test/protected', { cookie })).status).toBe(200);
    server.auth.setMemberStatus(ws.id, member.id, 'suspended');
    expect((await get('/api/v1/test/protected', { cookie })).status).toBe(401);
    expect((await post('/api/v1/auth/login', { email: 'owner@example.com', password: PASSWORD })).status).toBe(401);
  });

  it('API keys: admin creates one, it authenticates, a revoked one does not', async () => {
    await workspace();
    const cookie = await login();
    const created = await post('/api/v1/api-keys', { name: 'CI' }, { cookie });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; key: string; prefix: string };
    expect(key.key).toMatch(new RegExp(`^ff_${key.prefix}_[\\w-]{43}$`));
    const bearer = { authorization: `Bearer ${key.key}` };
    const protectedResponse = await get('/api/v1/test/protected', bearer);
    expect(await protectedResponse.json()).toMatchObject({ actor: { role: 'owner', via: 'apiKey' } });
    expect((await get('/api/v1/test/protected', { authorization: `Bearer ${key.key}x` })).status).toBe(401);
    const revoked = await fetch(`${server.base}/api/v1/api-keys/${key.id}`, { method: 'DELETE', headers: { cookie } });
    expect(revoked.status).toBe(204);
    expect((await get('/api/v1/test/protected', bearer)).status).toBe(401);
    const again = await fetch(`${server.base}/api/v1/api-keys/${key.id}`, { method: 'DELETE', headers: { cookie } });
    expect(again.status).toBe(404);
  });

  it('a plain member cannot create API keys (403) or pass an admin route', async () => {
    const { workspace: ws } = await workspace();
    await server.auth.addMember({ workspaceId: ws.id, email: 'm@example.com', password: PASSWORD, role: 'member' });
    const cookie = await login('m@example.com');
    const response = await post('/api/v1/api-keys', { name: 'mine' }, { cookie });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await get('/api/v1/test/admin', { cookie })).status).toBe(403);
    expect((await post('/api/v1/api-keys', { name: 'anon' })).status).toBe(401);
  });

  it('a session of workspace A never yields workspace B (H4)', async () => {
    const a = await workspace('a@example.com', 'A');
    const b = await workspace('b@example.com', 'B');
    const cookieA = await login('a@example.com');
    const actor = ((await (await get('/api/v1/test/protected', { cookie: cookieA })).json()) as { actor: object })
      .actor;
    expect(actor).toEqual({
      workspaceId: a.workspace.id,
      memberId: a.member.id,
      role: 'owner',
      via: 'session',
      directoryRevision: expect.any(Number),
    });
    const keyB = server.auth.createApiKey({ workspaceId: b.workspace.id, memberId: b.member.id, name: 'b' });
    // A's admin cannot revoke B's key: it is simply not found in A.
    const cross = await fetch(`${server.base}/api/v1/api-keys/${keyB?.id}`, {
      method: 'DELETE',
      headers: { cookie: cookieA },
    });
    expect(cross.status).toBe(404);
    expect(server.auth.authenticateApiKey(keyB?.key ?? '')?.workspace.id).toBe(b.workspace.id);
  });

  it('two concurrent ensureOwner calls create exactly one workspace (C3)', async () => {
    const results = await Promise.all([
      ensureOwner(server.store, { email: 'one@example.com' }),
      ensureOwner(server.store, { email: 'two@example.com', password: 'given password' }),
      ensureOwner(server.store, {}),
    ]);
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    expect(server.store.db.prepare('SELECT count(*) FROM workspaces').pluck().get()).toBe(1);
    expect(server.store.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
    expect(await ensureOwner(server.store, { email: 'late@example.com' })).toEqual({ created: false });
  });

  it('ensureOwner generates a strong password when none is given, and it logs in', async () => {
    const result = await ensureOwner(server.store, { email: 'admin@example.com' });
    expect(result.created && result.generatedPassword).toMatch(/^[\w-]{24}$/);
    const password = result.created ? (result.generatedPassword ?? '') : '';
    expect((await post('/api/v1/auth/login', { email: 'admin@example.com', password })).status).toBe(200);
  });

  it('path tricks behave like the canonical path or 404, never authenticate differently (H6)', async () => {
    await workspace();
    const cookie = await login();
    for (const path of ['/API/v1/auth/me', '/api/v1/auth/me/', '/api/v1/AUTH/me']) {
      expect((await get(path)).status, path).toBe(404);
      expect((await get(path, { cookie })).status, path).toBe(404);
    }
    expect((await get('/api/v1/auth/me?next=/api/v1/auth/login')).status).toBe(401);
    expect((await get('/api/v1/auth/me?next=/api/v1/auth/login', { cookie })).status).toBe(200);
    // fetch normalises dot segments itself; send the raw path over node:http to reach the server unchanged.
    const raw = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.base);
      httpRequest({ host: url.hostname, port: url.port, path: '/api/v1/auth/../auth/me' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect([401, 404]).toContain(raw);
  });

  it('stores passwords as scrypt strings and tokens only as hashes', async () => {
    await workspace();
    const cookie = await login();
    const token = cookie.split('=')[1] ?? '';
    const key = (await (await post('/api/v1/api-keys', { name: 'k' }, { cookie })).json()) as { key: string };
    const hashes = server.store.db.prepare('SELECT password_hash FROM members').pluck().all() as string[];
    expect(hashes.every((h) => /^scrypt\$16384\$8\$1\$/.test(h))).toBe(true);
    const dump = JSON.stringify(server.store.db.prepare('SELECT * FROM sessions, api_keys, members').all());
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(key.key);
    expect(dump).not.toContain(PASSWORD);
  });
});
