import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;
let admin: TestSession;
let member: TestSession;

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  admin = await server.addMember({ role: 'admin', name: 'Ada Admin' });
  member = await server.addMember({ role: 'member', name: '王小明' });
});
afterAll(async () => server.close());

const problemJson = (response: { headers: Headers }) =>
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);

describe('workspace', () => {
  it('any member reads it; only the owner renames it, with a normalised name', async () => {
    const read = await member.request('GET', '/api/v1/workspace');
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: owner.workspaceId, name: 'Acme 测试' });

    const byAdmin = await admin.request('PATCH', '/api/v1/workspace', { name: 'Hijacked' });
    expect(byAdmin.status).toBe(403);
    const blank = await owner.request('PATCH', '/api/v1/workspace', { name: '  \t ' });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('INVALID_NAME');
    expect((await owner.request('GET', '/api/v1/workspace')).body.name).toBe('Acme 测试');

    const renamed = await owner.request('PATCH', '/api/v1/workspace', { name: '  上海 Acme 有限公司 ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('上海 Acme 有限公司');
    expect((await member.request('GET', '/api/v1/workspace')).body.name).toBe('上海 Acme 有限公司');
  });

  it('answers 401 without a caller', async () => {
    const response = await server.anonymous.request('GET', '/api/v1/workspace');
    expect(response.status).toBe(401);
    problemJson(response);
  });
});

describe('members', () => {
  it('lists members for everyone, with email only for owners and admins, never a password hash', async () => {
    const asMember = await member.request('GET', '/api/v1/members');
    expect(asMember.status).toBe(200);
    const me = asMember.body.members.find((m: { id: string }) => m.id === member.memberId);
    expect(me).toMatchObject({ name: '王小明', role: 'member', status: 'active', departmentIds: [], roleIds: [] });
    expect(asMember.text).not.toMatch(/@example\.com|scrypt|password|hash/i);

    const asAdmin = await admin.request('GET', '/api/v1/members');
    expect(asAdmin.body.members.find((m: { id: string }) => m.id === owner.memberId).email).toMatch(/@example\.com$/);
    expect(asAdmin.text).not.toMatch(/scrypt|password|hash/i);
  });

  it('lets an admin add members but only an owner add admins or owners', async () => {
    const added = await admin.request('POST', '/api/v1/members', { email: 'li.lei@example.com', name: '李雷' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: '李雷', role: 'member', email: 'li.lei@example.com' });

    const escalate = await admin.request('POST', '/api/v1/members', { email: 'x@example.com', role: 'admin' });
    expect(escalate.status).toBe(403);
    expect(escalate.body.code).toBe('OWNER_ONLY');
    expect(server.ctx.auth.findMemberByEmail(owner.workspaceId, 'x@example.com')).toBeUndefined();

    const byOwner = await owner.request('POST', '/api/v1/members', { email: 'boss2@example.com', role: 'admin' });
    expect(byOwner.status).toBe(201);
    expect(byOwner.body.role).toBe('admin');

    const again = await owner.request('POST', '/api/v1/members', { email: 'LI.LEI@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');

    const byMember = await member.request('POST', '/api/v1/members', { email: 'y@example.com' });
    expect(byMember.status).toBe(403);
    expect(server.ctx.auth.findMemberByEmail(owner.workspaceId, 'y@example.com')).toBeUndefined();
  });

  it('a member created with a password can log in; mass-assigned keys are refused', async () => {
    const sneaky = await owner.request('POST', '/api/v1/members', {
      email: 'z@example.com',
      password: 'correct horse battery staple',
      status: 'active',
      passwordHash: 'x',
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.code).toBe('UNKNOWN_PROPERTY');
    const created = await owner.request('POST', '/api/v1/members', {
      email: 'z@example.com',
      password: 'correct horse battery staple',
    });
    expect(created.status).toBe(201);
    const login = await server.anonymous.request('POST', '/api/v1/auth/login', {
      email: 'z@example.com',
      password: 'correct horse battery staple',
      workspaceId: owner.workspaceId,
    });
    expect(login.status).toBe(200);
  });

  it('changes departments, roles and name together, or nothing when one id is unknown', async () => {
    const dept = await admin.request('POST', '/api/v1/departments', { name: '销售部' });
    const role = await admin.request('POST', '/api/v1/roles', { name: '销售经理' });
    const target = await server.addMember({ name: 'Before' });

    const bad = await admin.request('PATCH', `/api/v1/members/${target.memberId}`, {
      name: 'After',
      departmentIds: [dept.body.id],
      roleIds: [role.body.id, 'role-does-not-exist'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('UNKNOWN_ROLE');
    expect(bad.body.errors[0].path).toBe('body.roleIds[1]');
    const unchanged = server.ctx.directory.getMember(owner.workspaceId, target.memberId);
    expect(unchanged).toMatchObject({ name: 'Before', departmentIds: [], roleIds: [] });

    const good = await admin.request('PATCH', `/api/v1/members/${target.memberId}`, {
      name: '  After ',
      departmentIds: [dept.body.id],
      roleIds: [role.body.id],
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ name: 'After', departmentIds: [dept.body.id], roleIds: [role.body.id] });
    const viewer = server.ctx.directory.viewerOf(owner.workspaceId, target.memberId);
    expect(viewer?.departmentIds).toEqual([dept.body.id]);
  });

  it('an admin cannot change an owner nor anyone’s workspace role', async () => {
    const onOwner = await admin.request('PATCH', `/api/v1/members/${owner.memberId}`, { name: 'Pwned' });
    expect(onOwner.status).toBe(403);
    expect(onOwner.body.code).toBe('OWNER_PROTECTED');
    const promote = await admin.request('PATCH', `/api/v1/members/${member.memberId}`, { role: 'admin' });
    expect(promote.status).toBe(403);
    expect(promote.body.code).toBe('OWNER_ONLY');
    const self = await admin.request('PATCH', `/api/v1/members/${admin.memberId}`, { role: 'owner' });
    expect(self.status).toBe(403);
    expect(server.ctx.directory.getMember(owner.workspaceId, admin.memberId)?.role).toBe('admin');
    expect(server.ctx.directory.getMember(owner.workspaceId, owner.memberId)?.name).not.toBe('Pwned');
  });

  it('never demotes or suspends the last active owner', async () => {
    const demote = await owner.request('PATCH', `/api/v1/members/${owner.memberId}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_OWNER');
    const suspend = await owner.request('PATCH', `/api/v1/members/${owner.memberId}`, { status: 'suspended' });
    expect(suspend.status).toBe(409);
    expect(suspend.body.code).toBe('LAST_OWNER');
    // Rolled back as a whole: the rename in the same request did not happen either.
    const both = await owner.request('PATCH', `/api/v1/members/${owner.memberId}`, {
      name: 'Renamed',
      status: 'suspended',
    });
    expect(both.status).toBe(409);
    expect(server.ctx.directory.getMember(owner.workspaceId, owner.memberId)).toMatchObject({
      role: 'owner',
      status: 'active',
    });
    expect(server.ctx.directory.getMember(owner.workspaceId, owner.memberId)?.name).not.toBe('Renamed');
  });

  it('with a second owner, one can step down; a suspended member is refused on the next request', async () => {
    const ws = await server.addWorkspace('Two owners');
    const second = await server.addMember({ role: 'owner', workspaceId: ws.workspaceId });
    const down = await ws.request('PATCH', `/api/v1/members/${ws.memberId}`, { role: 'member' });
    expect(down.status).toBe(200);
    expect(down.body.role).toBe('member');
    // Now `second` is the last owner.
    const last = await second.request('PATCH', `/api/v1/members/${second.memberId}`, { role: 'admin' });
    expect(last.status).toBe(409);

    const suspend = await second.request('PATCH', `/api/v1/members/${ws.memberId}`, { status: 'suspended' });
    expect(suspend.status).toBe(200);
    expect(suspend.body.status).toBe('suspended');
    expect((await ws.request('GET', '/api/v1/members')).status).toBe(401);
  });
});

describe('departments', () => {
  it('builds a tree, refuses cycles and deleting a non-empty department', async () => {
    const root = await admin.request('POST', '/api/v1/departments', { name: '总部' });
    const child = await admin.request('POST', '/api/v1/departments', { name: '华东区', parentId: root.body.id });
    const grandchild = await admin.request('POST', '/api/v1/departments', { name: '上海', parentId: child.body.id });
    expect([root.status, child.status, grandchild.status]).toEqual([201, 201, 201]);
    expect(grandchild.body).toMatchObject({ parentId: child.body.id, name: '上海', sort: 0 });

    const cycle = await admin.request('PATCH', `/api/v1/departments/${root.body.id}`, {
      parentId: grandchild.body.id,
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('CYCLE');
    const self = await admin.request('PATCH', `/api/v1/departments/${root.body.id}`, { parentId: root.body.id });
    expect(self.status).toBe(409);
    expect(server.ctx.directory.getDepartment(owner.workspaceId, root.body.id)?.parentId).toBeNull();

    const notEmpty = await admin.request('DELETE', `/api/v1/departments/${child.body.id}`);
    expect(notEmpty.status).toBe(409);
    expect(notEmpty.body.code).toBe('NOT_EMPTY');

    const moved = await admin.request('PATCH', `/api/v1/departments/${grandchild.body.id}`, {
      parentId: null,
      name: '上海分公司',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: null, name: '上海分公司' });
    expect((await admin.request('DELETE', `/api/v1/departments/${child.body.id}`)).status).toBe(204);

    const list = await member.request('GET', '/api/v1/departments');
    const ids = list.body.departments.map((d: { id: string }) => d.id);
    expect(ids).toContain(root.body.id);
    expect(ids).not.toContain(child.body.id);
  });

  it('a department with members cannot be deleted', async () => {
    const dept = await admin.request('POST', '/api/v1/departments', { name: '财务部' });
    await server.addMember({ departmentIds: [dept.body.id] });
    const response = await admin.request('DELETE', `/api/v1/departments/${dept.body.id}`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('NOT_EMPTY');
  });

  it('refuses an unknown parent and bad names', async () => {
    const orphan = await admin.request('POST', '/api/v1/departments', { name: 'x', parentId: 'dept-nope' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.code).toBe('PARENT_NOT_FOUND');
    const control = await admin.request('POST', '/api/v1/departments', { name: 'a\u0007b' });
    expect(control.status).toBe(400);
    expect(control.body.code).toBe('INVALID_NAME');
    const zh = await admin.request('POST', '/api/v1/departments', { name: '' }, { 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(400);
  });
});

describe('roles', () => {
  it('creates, renames and deletes roles, removing memberships', async () => {
    const role = await admin.request('POST', '/api/v1/roles', { name: '审批人' });
    expect(role.status).toBe(201);
    const holder = await server.addMember({ roleIds: [role.body.id] });
    const renamed = await admin.request('PATCH', `/api/v1/roles/${role.body.id}`, { name: '财务审批人' });
    expect(renamed.body).toEqual({ id: role.body.id, name: '财务审批人' });
    const listed = await member.request('GET', '/api/v1/roles');
    expect(listed.body.roles).toContainEqual({ id: role.body.id, name: '财务审批人' });
    expect((await admin.request('DELETE', `/api/v1/roles/${role.body.id}`)).status).toBe(204);
    expect(server.ctx.directory.getMember(owner.workspaceId, holder.memberId)?.roleIds).toEqual([]);
    expect((await admin.request('DELETE', `/api/v1/roles/${role.body.id}`)).status).toBe(404);
  });
});

describe('permissions and tenant isolation', () => {
  it('a member gets 403 on every admin route and nothing changes', async () => {
    const dept = await admin.request('POST', '/api/v1/departments', { name: 'Ops' });
    const role = await admin.request('POST', '/api/v1/roles', { name: 'Ops lead' });
    const calls: [string, string, unknown][] = [
      ['PATCH', '/api/v1/workspace', { name: 'x' }],
      ['POST', '/api/v1/members', { email: 'm@example.com' }],
      ['PATCH', `/api/v1/members/${member.memberId}`, { role: 'owner' }],
      ['PATCH', `/api/v1/members/${member.memberId}`, { departmentIds: [dept.body.id] }],
      ['POST', '/api/v1/departments', { name: 'x' }],
      ['PATCH', `/api/v1/departments/${dept.body.id}`, { name: 'x' }],
      ['DELETE', `/api/v1/departments/${dept.body.id}`, undefined],
      ['POST', '/api/v1/roles', { name: 'x' }],
      ['PATCH', `/api/v1/roles/${role.body.id}`, { name: 'x' }],
      ['DELETE', `/api/v1/roles/${role.body.id}`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const response = await member.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      problemJson(response);
    }
    expect(server.ctx.directory.getDepartment(owner.workspaceId, dept.body.id)?.name).toBe('Ops');
    expect(server.ctx.directory.getMember(owner.workspaceId, member.memberId)).toMatchObject({
      role: 'member',
      departmentIds: [],
    });
  });

  it('ids of another workspace answer 404 and change nothing', async () => {
    const other = await server.addWorkspace('Globex');
    const otherDept = await other.request('POST', '/api/v1/departments', { name: 'Theirs' });
    const otherRole = await other.request('POST', '/api/v1/roles', { name: 'Theirs' });
    const otherMember = await server.addMember({ workspaceId: other.workspaceId, name: 'Theirs' });
    const calls: [string, string, unknown][] = [
      ['PATCH', `/api/v1/members/${otherMember.memberId}`, { name: 'Mine' }],
      ['PATCH', `/api/v1/members/${other.memberId}`, { status: 'suspended' }],
      ['PATCH', `/api/v1/departments/${otherDept.body.id}`, { name: 'Mine' }],
      ['DELETE', `/api/v1/departments/${otherDept.body.id}`, undefined],
      ['PATCH', `/api/v1/roles/${otherRole.body.id}`, { name: 'Mine' }],
      ['DELETE', `/api/v1/roles/${otherRole.body.id}`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const response = await owner.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    // Their ids cannot be attached either: unknown here, like an id that never existed.
    const attach = await owner.request('PATCH', `/api/v1/members/${member.memberId}`, {
      departmentIds: [otherDept.body.id],
    });
    expect(attach.status).toBe(400);
    expect(attach.body.code).toBe('UNKNOWN_DEPARTMENT');
    const adopt = await owner.request('POST', '/api/v1/departments', { name: 'x', parentId: otherDept.body.id });
    expect(adopt.status).toBe(400);
    expect(server.ctx.directory.getDepartment(other.workspaceId, otherDept.body.id)?.name).toBe('Theirs');
    expect(server.ctx.directory.listRoles(other.workspaceId)).toEqual([
      { id: otherRole.body.id, workspaceId: other.workspaceId, name: 'Theirs' },
    ]);
    expect(server.ctx.directory.getMember(other.workspaceId, other.memberId)?.status).toBe('active');
    expect((await owner.request('GET', '/api/v1/members')).text).not.toContain(otherMember.memberId);
    expect((await owner.request('GET', '/api/v1/departments')).text).not.toContain(otherDept.body.id);
  });
});
