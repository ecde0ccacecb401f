import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { PNG, upload } from '../files/file-test-app.js';
import { createLink, EXPOSED, signupForm, submitPublic, type LinkBody } from './public-link-test-app.js';

let server: ApiTestServer;
let manager: TestSession;
let member: TestSession;
const savedLimit = process.env['FORMFLOW_PUBLIC_RATE_LIMIT'];
let clock = Date.parse('2026-06-01T02:00:00.000Z');

beforeAll(async () => {
  process.env['FORMFLOW_PUBLIC_RATE_LIMIT'] = '5';
  server = await startApiServer({ now: () => new Date((clock += 1000)) });
  const ws = server.owner.workspaceId;
  const managers = server.ctx.directory.createRole({ workspaceId: ws, name: 'Managers' });
  const staff = server.ctx.directory.createRole({ workspaceId: ws, name: 'Staff' });
  if (!managers.ok || !staff.ok) throw new Error('roles');
  server.installApp(server.owner, {
    id: 'events',
    name: '活动',
    forms: [signupForm],
    permissionGroups: [
      {
        id: 'm',
        formId: 'signup',
        name: 'M',
        principals: [{ kind: 'role', id: managers.role.id }],
        actions: ['manage'],
      },
      {
        id: 's',
        formId: 'signup',
        name: 'S',
        principals: [{ kind: 'role', id: staff.role.id }],
        actions: ['submit', 'view'],
      },
    ],
  });
  manager = await server.addMember({ name: 'Manager', roleIds: [managers.role.id] });
  member = await server.addMember({ name: 'Staff', roleIds: [staff.role.id] });
});
afterAll(async () => {
  if (savedLimit === undefined) delete process.env['FORMFLOW_PUBLIC_RATE_LIMIT'];
  else process.env['FORMFLOW_PUBLIC_RATE_LIMIT'] = savedLimit;
  await server.close();
});

const records = () =>
  server.store.db.prepare("SELECT id, data, created_by FROM records WHERE form_id = 'signup' ORDER BY id").all() as {
    id: string;
    data: string;
    created_by: string | null;
  }[];

describe('managing public links', () => {
  it('creates a link with a 256-bit token; lists, disables, re-enables and deletes it', async () => {
    const link = await createLink(manager, { name: '官网报名', fields: EXPOSED });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({
      path: `/api/v1/public/forms/${link.token}`,
      enabled: true,
      open: true,
      submissions: 0,
    });
    const list = await manager.request<LinkBody[]>('GET', '/api/v1/forms/signup/public-links');
    expect(list.body.map((l) => l.id)).toContain(link.id);

    const off = await manager.request('PATCH', `/api/v1/public-links/${link.id}`, { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, open: false });
    expect((await server.anonymous.request('GET', link.path)).status).toBe(404);
    expect((await submitPublic(server.anonymous, link.token, { name: 'x' })).status).toBe(404);
    await manager.request('PATCH', `/api/v1/public-links/${link.id}`, { enabled: true });
    expect((await server.anonymous.request('GET', link.path)).status).toBe(200);

    expect((await manager.request('DELETE', `/api/v1/public-links/${link.id}`)).status).toBe(204);
    expect((await server.anonymous.request('GET', link.path)).status).toBe(404);
    expect((await manager.request('DELETE', `/api/v1/public-links/${link.id}`)).status).toBe(404);
  });

  it('refuses fields a link cannot expose, each with its path', async () => {
    const res = await manager.request('POST', '/api/v1/forms/signup/public-links', {
      fields: ['name', 'code', 'owner', 'nope', 'name', 'created'],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_LINK_FIELDS');
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['body.fields[1]', 'FIELD_NOT_WRITABLE'],
      ['body.fields[2]', 'FIELD_NOT_PUBLIC'],
      ['body.fields[3]', 'UNKNOWN_FIELD'],
      ['body.fields[4]', 'DUPLICATE_FIELD'],
      ['body.fields[5]', 'FIELD_NOT_WRITABLE'],
    ]);
    const noName = await manager.request('POST', '/api/v1/forms/signup/public-links', { fields: ['email'] });
    expect(noName.body.errors).toEqual([
      expect.objectContaining({ path: 'body.fields', code: 'REQUIRED_FIELD_NOT_EXPOSED' }),
    ]);
    const extra = await manager.request('POST', '/api/v1/forms/signup/public-links', { fields: ['name'], admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('UNKNOWN_PROPERTY');
  });

  it('needs manage on the form; other workspaces see 404', async () => {
    expect((await member.request('POST', '/api/v1/forms/signup/public-links', { fields: ['name'] })).status).toBe(403);
    expect((await member.request('GET', '/api/v1/forms/signup/public-links')).status).toBe(403);
    const link = await createLink(server.owner);
    expect((await member.request('PATCH', `/api/v1/public-links/${link.id}`, { enabled: false })).status).toBe(403);
    const other = await server.addWorkspace();
    expect((await other.request('PATCH', `/api/v1/public-links/${link.id}`, { enabled: false })).status).toBe(404);
    expect((await other.request('DELETE', `/api/v1/public-links/${link.id}`)).status).toBe(404);
    expect((await server.anonymous.request('GET', '/api/v1/forms/signup/public-links')).status).toBe(401);
  });
});

describe('the anonymous public form', () => {
  it('shows exactly the exposed fields: no other field id or label, layout and logic pruned', async () => {
    const link = await createLink(manager);
    const res = await server.anonymous.request('GET', link.path);
    expect(res.status).toBe(200);
    expect(res.body.form.fields.map((f: { id: string }) => f.id)).toEqual(EXPOSED);
    expect(res.body.form.layout).toEqual([
      { id: 'row1', fields: ['name'] },
      { id: 'row3', fields: ['phone', 'email'] },
    ]);
    // `vipNote` reads `tier`; `phoneIfSeats` also targets `score`: narrowed to `phone`; `scoreCheck` reads `score`.
    expect(res.body.form.logic).toEqual([
      { id: 'phoneIfSeats', kind: 'required', when: { '>': [{ var: 'seats' }, 2] }, fields: ['phone'] },
    ]);
    for (const secret of ['tier', 'score', 'dossier', 'owner', 'XYZ', 'QQQ', '内部', '跟进人']) {
      expect(res.text).not.toContain(secret);
    }
  });

  it('stores a submission with no creator, system fields filled, an outbox message and a counted submission', async () => {
    const link = await createLink(manager);
    const res = await submitPublic(
      server.anonymous,
      link.token,
      { name: '李雷', email: 'lilei@example.com', seats: 2 },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ message: '报名成功！' });
    const stored = records().find((r) => r.id === res.body.id)!;
    expect(stored.created_by).toBeNull();
    const data = JSON.parse(stored.data) as Record<string, unknown>;
    expect(data).toMatchObject({ name: '李雷', email: 'lilei@example.com', seats: 2 });
    expect(data['code']).toMatch(/^S\d{3}$/);
    expect(data['created']).toMatch(/^2026-06-01T02:0\d:\d\d\.000Z$/);
    expect(data['creator']).toBeUndefined();
    const outbox = server.store.db
      .prepare("SELECT payload FROM outbox WHERE topic = 'record.created' ORDER BY rowid DESC LIMIT 1")
      .get() as { payload: string };
    expect(JSON.parse(outbox.payload)).toMatchObject({ recordId: res.body.id, via: 'publicLink', linkId: link.id });
    const list = await manager.request<LinkBody[]>('GET', '/api/v1/forms/signup/public-links');
    expect(list.body.find((l) => l.id === link.id)?.submissions).toBe(1);
  });

  it('refuses any key outside the exposed fields (422 with its path) and writes nothing', async () => {
    const link = await createLink(manager);
    const before = records().length;
    for (const extra of [
      { tier: 'vip' },
      { score: 99 },
      { owner: server.owner.memberId },
      { code: 'S999' },
      { id: 'x' },
    ]) {
      const res = await submitPublic(server.anonymous, link.token, { name: 'Mallory', ...extra });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('FIELD_NOT_EXPOSED');
      expect(res.body.errors[0]?.path).toBe(`data.${Object.keys(extra)[0]!}`);
      expect(res.text).not.toMatch(/内部|Internal|跟进人/);
    }
    expect(records().length).toBe(before);
  });

  it('validates like any submission; a unique clash is 409 on the exposed field', async () => {
    const link = await createLink(manager);
    const bad = await submitPublic(server.anonymous, link.token, { name: 'Han', email: 'not-an-email', seats: 11 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['data.email', 'data.seats']);
    const missing = await submitPublic(server.anonymous, link.token, { email: 'han@example.com' });
    expect(missing.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['data.name', 'REQUIRED'],
    ]);
    // Logic requires `phone` and the unexposed `score` over 2 seats: `score` is reported without its name.
    const logic = await submitPublic(server.anonymous, link.token, { name: 'Han', seats: 3 });
    expect(logic.status).toBe(422);
    expect(logic.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['data.phone', 'REQUIRED'],
      ['data', 'FORM_REJECTED'],
    ]);
    expect(logic.text).not.toMatch(/score|QQQ|评分/);
    expect((await submitPublic(server.anonymous, link.token, { name: 'Han', email: 'dup@example.com' })).status).toBe(
      201,
    );
    const dup = await submitPublic(server.anonymous, link.token, { name: 'Han 2', email: 'DUP@example.com' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]?.path).toBe('data.email');
    expect(dup.text).not.toContain('existing');
    // Anonymous text is cut off before the engine counts graphemes (superlinear on long non-ASCII text).
    const other = await createLink(manager);
    const long = await submitPublic(server.anonymous, other.token, { name: 'Han', note: `${'a'.repeat(20_000)}é` });
    expect(long.status).toBe(422);
    expect(long.body.errors[0]).toMatchObject({ path: 'data.note', code: 'TOO_LONG' });
  });

  it('answers 404 for unknown, malformed and expired tokens', async () => {
    const expired = await createLink(manager, { fields: EXPOSED, expiresAt: '2026-01-01T00:00:00Z' });
    expect(expired.open).toBe(false);
    for (const token of [expired.token, 'A'.repeat(43), 'short', '..%2F..%2Fapi']) {
      expect((await server.anonymous.request('GET', `/api/v1/public/forms/${token}`)).status, token).toBe(404);
    }
    expect((await submitPublic(server.anonymous, expired.token, { name: 'x' })).status).toBe(404);
  });

  it('takes anonymous uploads for exposed file fields only, and checks file refs on submit', async () => {
    const link = await createLink(manager);
    const form = new FormData();
    form.append('file', new Blob([PNG]), '头像.png');
    const up = await server.anonymous.request('POST', `/api/v1/public/forms/${link.token}/files?field=photo`, form);
    expect(up.status, up.text).toBe(201);
    const hidden = new FormData();
    hidden.append('file', new Blob([PNG]), 'x.png');
    const refused = await server.anonymous.request(
      'POST',
      `/api/v1/public/forms/${link.token}/files?field=dossier`,
      hidden,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('UNKNOWN_FIELD');

    // A member's upload (not this visitor's) cannot be attached through the link.
    const foreign = await upload(member, 'photo', PNG, 'm.png', 'signup');
    expect(foreign.status).toBe(201);
    const stolen = await submitPublic(server.anonymous, link.token, { name: 'A', photo: [foreign.body] });
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors[0]).toMatchObject({ path: 'data.photo[0]', code: 'INVALID_FILE_REF' });

    const ok = await submitPublic(server.anonymous, link.token, {
      name: 'B',
      photo: [{ ...up.body, name: 'renamed.exe' }],
    });
    expect(ok.status, ok.text).toBe(201);
    const stored = JSON.parse(records().find((r) => r.id === ok.body.id)!.data) as { photo: { name: string }[] };
    expect(stored.photo[0]!.name).toBe('头像.png');
    // The same upload cannot be attached to a second submission; the owner can download it through the record.
    const again = await submitPublic(server.anonymous, link.token, { name: 'C', photo: [up.body] });
    expect(again.status).toBe(422);
    const file = await fetch(`${server.base}/api/v1/files/${up.body.id}`, { headers: { cookie: server.owner.cookie } });
    expect(file.status).toBe(200);
  });

  it('rate-limits per IP and link: 429 RATE_LIMITED with Retry-After; another link is unaffected', async () => {
    const link = await createLink(manager);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await submitPublic(server.anonymous, link.token, { seats: 0 })).status);
    expect(statuses.slice(0, 5).every((s) => s === 422)).toBe(true);
    const limited = await submitPublic(server.anonymous, link.token, { name: 'late' }, { 'accept-language': 'zh-CN' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.detail).toContain('秒后再试');
    expect(records().some((r) => r.data.includes('"late"'))).toBe(false);
    const fresh = await createLink(manager);
    expect((await submitPublic(server.anonymous, fresh.token, { name: 'fresh' })).status).toBe(201);
  });
});
