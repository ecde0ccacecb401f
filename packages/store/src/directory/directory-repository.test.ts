import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AuthRepository } from '../auth/auth-repository.js';
import type { Store } from '../store.js';
import { openTestStore } from '../testing/open-test-store.js';
import { DirectoryRepository } from './directory-repository.js';

let store: Store;
let close: () => void;
let directory: DirectoryRepository;
let auth: AuthRepository;
beforeEach(() => {
  ({ store, close } = openTestStore());
  directory = new DirectoryRepository(store.db);
  auth = new AuthRepository(store.db);
});
afterEach(() => close());

async function member(workspaceId: string, email: string, role: 'owner' | 'admin' | 'member' = 'member') {
  const added = await auth.addMember({ workspaceId, email, role });
  if (!added.ok) throw new Error(added.reason);
  return added.member.id;
}
function department(name: string, parentId?: string, workspaceId = 'wA') {
  const created = directory.createDepartment({ workspaceId, name, ...(parentId ? { parentId } : {}) });
  if (!created.ok) throw new Error(created.reason);
  return created.department.id;
}
function role(name: string, workspaceId = 'wA') {
  const created = directory.createRole({ workspaceId, name });
  if (!created.ok) throw new Error(created.reason);
  return created.role.id;
}
const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('DirectoryRepository departments', () => {
  it('builds a tree with valid definition ids, normalised names and sort order', () => {
    const hq = department('  总部 ');
    const sales = directory.createDepartment({ workspaceId: 'wA', name: 'Sales', parentId: hq, sort: 2 });
    const ops = directory.createDepartment({ workspaceId: 'wA', name: 'Cafe\u0301', parentId: hq, sort: 1 });
    expect(hq).toMatch(/^dept-[0-9a-f-]{36}$/);
    expect(ops).toMatchObject({ ok: true, department: { name: 'Café', parentId: hq, sort: 1 } });
    expect(directory.listDepartments('wA').map((d) => [d.name, d.parentId === null ? null : 'hq'])).toEqual([
      ['总部', null],
      ['Café', 'hq'],
      ['Sales', 'hq'],
    ]);
    expect(sales.ok && directory.getDepartment('wA', sales.department.id)?.sort).toBe(2);
    expect(directory.listDepartments('wB')).toEqual([]);
  });

  it('refuses invalid names and unknown parents, writing nothing', () => {
    const bad = ['', '   ', 'a\tb', 'line\nbreak', 'nul\u0000', 'lone \ud800', 'x'.repeat(101), 42];
    for (const name of bad) {
      expect(directory.createDepartment({ workspaceId: 'wA', name: name as string }), JSON.stringify(name)).toEqual({
        ok: false,
        reason: 'INVALID_NAME',
      });
    }
    const family = '👨‍👩‍👧‍👦'.repeat(100);
    expect(directory.createDepartment({ workspaceId: 'wA', name: family }).ok).toBe(true);
    expect(directory.createDepartment({ workspaceId: 'wA', name: 'X', parentId: 'dept-nope' })).toEqual({
      ok: false,
      reason: 'PARENT_NOT_FOUND',
    });
    expect(directory.createDepartment({ workspaceId: 'wA', name: 'X', sort: 1.5 })).toEqual({
      ok: false,
      reason: 'INVALID_SORT',
    });
    expect(count('departments')).toBe(1);
  });

  it('moves departments, refusing a CYCLE (under itself or a descendant) and a parent of another workspace', () => {
    const root = department('Root');
    const mid = department('Mid', root);
    const leaf = department('Leaf', mid);
    const other = department('Other');
    const foreign = department('Foreign', undefined, 'wB');
    const move = (id: string, parentId: string | null) =>
      directory.updateDepartment({ workspaceId: 'wA', id, parentId });
    expect(move(root, root)).toEqual({ ok: false, reason: 'CYCLE' });
    expect(move(root, leaf)).toEqual({ ok: false, reason: 'CYCLE' });
    expect(move(mid, leaf)).toEqual({ ok: false, reason: 'CYCLE' });
    expect(move(mid, foreign)).toEqual({ ok: false, reason: 'PARENT_NOT_FOUND' });
    expect(move(leaf, other)).toMatchObject({ ok: true, department: { id: leaf, parentId: other, name: 'Leaf' } });
    expect(move(mid, null)).toMatchObject({ ok: true, department: { parentId: null } });
    expect(directory.updateDepartment({ workspaceId: 'wA', id: mid, name: 'Middle', sort: 5 })).toMatchObject({
      ok: true,
      department: { name: 'Middle', sort: 5, parentId: null },
    });
    expect(directory.updateDepartment({ workspaceId: 'wB', id: mid, name: 'Hijack' })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(directory.updateDepartment({ workspaceId: 'wA', id: mid, name: ' ' })).toEqual({
      ok: false,
      reason: 'INVALID_NAME',
    });
  });

  it('deletes only empty departments (NOT_EMPTY with children or members), only in their workspace', async () => {
    const root = department('Root');
    const child = department('Child', root);
    const alice = await member('wA', 'alice@x.io');
    expect(directory.setMemberDepartments('wA', alice, [child]).ok).toBe(true);
    expect(directory.deleteDepartment('wA', root)).toEqual({ ok: false, reason: 'NOT_EMPTY' });
    expect(directory.deleteDepartment('wA', child)).toEqual({ ok: false, reason: 'NOT_EMPTY' });
    expect(directory.deleteDepartment('wB', child)).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(directory.setMemberDepartments('wA', alice, []).ok).toBe(true);
    expect(directory.deleteDepartment('wA', child)).toEqual({ ok: true });
    expect(directory.deleteDepartment('wA', root)).toEqual({ ok: true });
    expect(directory.deleteDepartment('wA', root)).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(count('departments')).toBe(0);
  });
});

describe('DirectoryRepository roles and members', () => {
  it('creates, renames and lists roles; deleting a role removes its memberships', async () => {
    const sales = role('Sales');
    const audit = role('Audit');
    expect(sales).toMatch(/^role-[0-9a-f-]{36}$/);
    expect(directory.renameRole({ workspaceId: 'wA', id: sales, name: ' Sales team ' })).toEqual({
      ok: true,
      role: { id: sales, workspaceId: 'wA', name: 'Sales team' },
    });
    expect(directory.renameRole({ workspaceId: 'wB', id: sales, name: 'X' })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(directory.createRole({ workspaceId: 'wA', name: '' })).toEqual({ ok: false, reason: 'INVALID_NAME' });
    expect(directory.listRoles('wA').map((r) => r.name)).toEqual(['Audit', 'Sales team']);
    const bob = await member('wA', 'bob@x.io');
    expect(directory.setMemberRoles('wA', bob, [sales, audit, sales])).toMatchObject({
      ok: true,
      member: { id: bob, roleIds: [audit, sales].sort() },
    });
    expect(directory.deleteRole('wB', sales)).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(directory.deleteRole('wA', sales)).toEqual({ ok: true, removedMemberships: 1 });
    expect(directory.getMember('wA', bob)?.roleIds).toEqual([audit]);
    expect(directory.listRoles('wA').map((r) => r.id)).toEqual([audit]);
  });

  it('sets memberships only with ids of the same workspace; lists members with them', async () => {
    const alice = await member('wA', 'alice@x.io');
    const bob = await member('wA', 'bob@x.io');
    const eve = await member('wB', 'eve@x.io');
    const dept = department('Sales');
    const foreignDept = department('Theirs', undefined, 'wB');
    const foreignRole = role('Theirs', 'wB');
    expect(directory.setMemberDepartments('wA', alice, [dept, foreignDept])).toEqual({
      ok: false,
      reason: 'UNKNOWN_DEPARTMENT',
      id: foreignDept,
    });
    expect(directory.setMemberRoles('wA', alice, [foreignRole])).toEqual({
      ok: false,
      reason: 'UNKNOWN_ROLE',
      id: foreignRole,
    });
    expect(directory.setMemberDepartments('wA', eve, [dept])).toEqual({ ok: false, reason: 'MEMBER_NOT_FOUND' });
    expect(directory.setMemberRoles('wB', alice, [])).toEqual({ ok: false, reason: 'MEMBER_NOT_FOUND' });
    expect(directory.setMemberDepartments('wA', alice, [dept]).ok).toBe(true);
    expect(directory.listMembers('wA').map((m) => [m.id, m.email, m.departmentIds, m.roleIds])).toEqual([
      [alice, 'alice@x.io', [dept], []],
      [bob, 'bob@x.io', [], []],
    ]);
    expect(directory.getMember('wB', alice)).toBeUndefined();
    expect(directory.listMembers('wB').map((m) => m.id)).toEqual([eve]);
    expect(count('member_departments')).toBe(1);
  });

  it('never demotes the last active owner (LAST_OWNER); another owner makes it possible', async () => {
    const owner = await member('wA', 'owner@x.io', 'owner');
    const admin = await member('wA', 'admin@x.io', 'admin');
    expect(directory.setMemberRole('wA', owner, 'admin')).toEqual({ ok: false, reason: 'LAST_OWNER' });
    expect(directory.setMemberRole('wA', owner, 'owner')).toMatchObject({ ok: true, member: { role: 'owner' } });
    expect(directory.setMemberRole('wB', admin, 'owner')).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(directory.setMemberRole('wA', admin, 'owner')).toMatchObject({ ok: true, member: { role: 'owner' } });
    auth.setMemberStatus('wA', admin, 'suspended');
    expect(directory.setMemberRole('wA', owner, 'member')).toEqual({ ok: false, reason: 'LAST_OWNER' });
    auth.setMemberStatus('wA', admin, 'active');
    expect(directory.setMemberRole('wA', owner, 'member')).toMatchObject({ ok: true, member: { role: 'member' } });
    expect(directory.setMemberRole('wA', admin, 'member')).toEqual({ ok: false, reason: 'LAST_OWNER' });
    expect(auth.getMember('wA', owner)?.role).toBe('member');
    const actions = store.db.prepare(`SELECT action FROM audit_log WHERE action = 'member.role_changed'`).all();
    expect(actions).toHaveLength(2);
  });
});

describe('DirectoryRepository.viewerOf', () => {
  it('resolves a 3-level tree: own departments, ancestors (includeChildren) and descendants (current department)', async () => {
    const company = department('Company');
    const sales = department('Sales', company);
    const east = department('East', sales);
    const west = department('West', sales);
    const hr = department('HR', company);
    const rep = await member('wA', 'rep@x.io');
    const head = await member('wA', 'head@x.io', 'admin');
    const lead = role('Lead');
    directory.setMemberDepartments('wA', rep, [east]);
    directory.setMemberDepartments('wA', head, [sales, hr]);
    directory.setMemberRoles('wA', head, [lead]);
    const sorted = (...ids: string[]) => ids.sort();
    expect(directory.viewerOf('wA', rep)).toEqual({
      memberId: rep,
      role: 'member',
      departmentIds: [east],
      departmentAncestorIds: sorted(east, sales, company),
      departmentScopeIds: [east],
      roleIds: [],
    });
    expect(directory.viewerOf('wA', head)).toEqual({
      memberId: head,
      role: 'admin',
      departmentIds: sorted(sales, hr),
      departmentAncestorIds: sorted(sales, hr, company),
      departmentScopeIds: sorted(sales, east, west, hr),
      roleIds: [lead],
    });
    // A department principal with includeChildren on Company matches the rep (Company is an ancestor of East);
    // without it, only members of Company itself.
    expect(directory.viewerOf('wA', rep)?.departmentAncestorIds).toContain(company);
    expect(directory.viewerOf('wA', rep)?.departmentIds).not.toContain(company);
    const loner = await member('wA', 'loner@x.io');
    expect(directory.viewerOf('wA', loner)).toEqual({
      memberId: loner,
      role: 'member',
      departmentIds: [],
      departmentAncestorIds: [],
      departmentScopeIds: [],
      roleIds: [],
    });
    expect(directory.viewerOf('wB', rep)).toBeUndefined();
    expect(directory.viewerOf('wA', 'nobody')).toBeUndefined();
  });

  it('ignores a stale membership pointing into another workspace', async () => {
    const rep = await member('wA', 'rep@x.io');
    const theirs = department('Theirs', undefined, 'wB');
    const theirRole = role('Theirs', 'wB');
    store.db.prepare('INSERT INTO member_departments VALUES (?, ?, ?)').run('wA', rep, theirs);
    store.db.prepare('INSERT INTO member_roles VALUES (?, ?, ?)').run('wA', rep, theirRole);
    expect(directory.viewerOf('wA', rep)).toMatchObject({ departmentIds: [], departmentScopeIds: [], roleIds: [] });
  });
});

describe('DirectoryRepository.viewerOf cache (directory revisions)', () => {
  it('never serves a stale viewer: every directory change, through any connection, is seen on the next call', async () => {
    const rep = await member('wA', 'cache-rep@example.com');
    const hq = department('总部');
    const sales = department('销售部', hq);
    const manager = role('经理');
    const first = directory.viewerOf('wA', rep);
    expect(first).toMatchObject({ role: 'member', departmentIds: [], roleIds: [] });
    expect(directory.viewerOf('wA', rep)).toBe(first); // cached while nothing changed

    directory.setMemberDepartments('wA', rep, [sales]);
    expect(directory.viewerOf('wA', rep)?.departmentIds).toEqual([sales]);
    expect(directory.viewerOf('wA', rep)?.departmentAncestorIds).toContain(hq);

    directory.setMemberRoles('wA', rep, [manager]);
    expect(directory.viewerOf('wA', rep)?.roleIds).toEqual([manager]);

    // A department moved, a role deleted, the member's workspace role changed: straight SQL, as another process would.
    const other = openSecondConnection(store.path);
    try {
      other.prepare('DELETE FROM member_roles WHERE member_id = ?').run(rep);
      expect(directory.viewerOf('wA', rep)?.roleIds).toEqual([]);
      other.prepare("UPDATE members SET role = 'admin' WHERE id = ?").run(rep);
      expect(directory.viewerOf('wA', rep)?.role).toBe('admin');
      const top = department('集团');
      other.prepare('UPDATE departments SET parent_id = ? WHERE id = ?').run(top, hq);
      expect(directory.viewerOf('wA', rep)?.departmentAncestorIds).toContain(top);
      other.prepare('DELETE FROM member_departments WHERE member_id = ?').run(rep);
      expect(directory.viewerOf('wA', rep)?.departmentIds).toEqual([]);
      other.prepare('DELETE FROM members WHERE id = ?').run(rep);
      expect(directory.viewerOf('wA', rep)).toBeUndefined();
    } finally {
      other.close();
    }
  });

  it('keeps workspaces apart: a change in one workspace leaves the other cached, never mixed', async () => {
    const a = await member('wA', 'ws-a@example.com');
    const b = await member('wB', 'ws-b@example.com');
    const viewerB = directory.viewerOf('wB', b);
    department('A only');
    expect(directory.viewerOf('wB', b)).toBe(viewerB);
    expect(directory.viewerOf('wA', b)).toBeUndefined();
    expect(directory.viewerOf('wB', a)).toBeUndefined();
    expect(Object.isFrozen(viewerB)).toBe(true);
  });
});

function openSecondConnection(path: string) {
  const connection = new Database(path);
  connection.pragma('busy_timeout = 5000');
  return connection;
}
