import type { Database } from 'better-sqlite3';
import type { AuthMemberRow } from '../auth/to-auth-member.js';

export type DepartmentRow = { id: string; workspace_id: string; parent_id: string | null; name: string; sort: number };
export type RoleRow = { id: string; workspace_id: string; name: string };
/** One membership: a member's department or role id. */
export type MembershipRow = { member_id: string; ref_id: string };
/** One row of the viewer query: the member's workspace role, or one of their department / role ids. */
export type ViewerRow = { kind: 'member' | 'own' | 'up' | 'down' | 'role'; id: string };

const MEMBER_COLUMNS = 'm.id, m.workspace_id, m.name, m.email, m.role, m.status, m.created_at';

/**
 * The viewer of a member in ONE statement (it runs on every API request): the workspace role, the member's own
 * departments, those with all their ancestors (`up`) and with all their descendants (`down`), and their roles.
 * UNION (not UNION ALL) in the recursive parts ends even on a corrupt cyclic tree. Memberships join departments so
 * a stale row never yields an id of another workspace. CROSS JOIN pins the join order of each recursive step (the
 * queue row first, then an index search): left to the planner, it scanned every department of the workspace per
 * step. Measured with 2,000 departments and 20,000 members: a member of one leaf department 160 → ~55 µs; the head
 * of a 976-department subtree 250 → ~3.5 ms (the cost grows with the size of the member's subtree).
 */
const VIEWER_SQL = `WITH RECURSIVE
  own(id) AS (
    SELECT md.department_id FROM member_departments md
    JOIN departments d ON d.id = md.department_id AND d.workspace_id = md.workspace_id
    WHERE md.workspace_id = @workspaceId AND md.member_id = @memberId),
  up(id) AS (
    SELECT id FROM own
    UNION SELECT d.parent_id FROM up CROSS JOIN departments d ON d.id = up.id
    WHERE d.workspace_id = @workspaceId AND d.parent_id IS NOT NULL),
  down(id) AS (
    SELECT id FROM own
    UNION SELECT d.id FROM down CROSS JOIN departments d ON d.parent_id = down.id AND d.workspace_id = @workspaceId)
SELECT 'member' AS kind, role AS id FROM members WHERE workspace_id = @workspaceId AND id = @memberId
UNION ALL SELECT 'own', id FROM own
UNION ALL SELECT 'up', id FROM up
UNION ALL SELECT 'down', id FROM down
UNION ALL SELECT 'role', mr.role_id FROM member_roles mr
  JOIN roles r ON r.id = mr.role_id AND r.workspace_id = mr.workspace_id
  WHERE mr.workspace_id = @workspaceId AND mr.member_id = @memberId
ORDER BY 1, 2`;

export type DirectoryStatements = ReturnType<typeof prepareDirectoryStatements>;

/**
 * Departments, roles and memberships, prepared once per connection. Every statement carries the workspace: an id
 * of another workspace is not found.
 */
export function prepareDirectoryStatements(db: Database) {
  const p = {
    listDepartments: db.prepare<[string], DepartmentRow>(
      `SELECT id, workspace_id, parent_id, name, sort FROM departments WHERE workspace_id = ?
       ORDER BY sort, name, id`,
    ),
    getDepartment: db.prepare<[string, string], DepartmentRow>(
      'SELECT id, workspace_id, parent_id, name, sort FROM departments WHERE workspace_id = ? AND id = ?',
    ),
    insertDepartment: db.prepare<[string, string, string | null, string, number]>(
      'INSERT INTO departments (id, workspace_id, parent_id, name, sort) VALUES (?, ?, ?, ?, ?)',
    ),
    updateDepartment: db.prepare<[string | null, string, number, string, string]>(
      'UPDATE departments SET parent_id = ?, name = ?, sort = ? WHERE workspace_id = ? AND id = ?',
    ),
    deleteDepartment: db.prepare<[string, string]>('DELETE FROM departments WHERE workspace_id = ? AND id = ?'),
    /** 1 when `candidate` is `root` or below it. */
    isWithin: db.prepare<{ workspaceId: string; root: string; candidate: string }, { hit: number }>(
      `WITH RECURSIVE down(id) AS (
         SELECT @root UNION SELECT d.id FROM down CROSS JOIN departments d
         ON d.parent_id = down.id AND d.workspace_id = @workspaceId)
       SELECT 1 AS hit FROM down WHERE id = @candidate`,
    ),
    hasChildren: db.prepare<[string, string], { hit: number }>(
      'SELECT 1 AS hit FROM departments WHERE workspace_id = ? AND parent_id = ? LIMIT 1',
    ),
    hasDepartmentMembers: db.prepare<[string, string], { hit: number }>(
      'SELECT 1 AS hit FROM member_departments WHERE department_id = ? AND workspace_id = ? LIMIT 1',
    ),
    listRoles: db.prepare<[string], RoleRow>(
      'SELECT id, workspace_id, name FROM roles WHERE workspace_id = ? ORDER BY name, id',
    ),
    getRole: db.prepare<[string, string], RoleRow>(
      'SELECT id, workspace_id, name FROM roles WHERE workspace_id = ? AND id = ?',
    ),
    insertRole: db.prepare<[string, string, string]>('INSERT INTO roles (id, workspace_id, name) VALUES (?, ?, ?)'),
    renameRole: db.prepare<[string, string, string]>('UPDATE roles SET name = ? WHERE workspace_id = ? AND id = ?'),
    deleteRole: db.prepare<[string, string]>('DELETE FROM roles WHERE workspace_id = ? AND id = ?'),
    deleteRoleMemberships: db.prepare<[string, string]>(
      'DELETE FROM member_roles WHERE role_id = ? AND workspace_id = ?',
    ),
    listMembers: db.prepare<[string], AuthMemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.workspace_id = ? ORDER BY m.created_at, m.id`,
    ),
    getMember: db.prepare<[string, string], AuthMemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.workspace_id = ? AND m.id = ?`,
    ),
    // Through members (indexed by workspace), then each member's memberships by primary key.
    workspaceDepartments: db.prepare<[string], MembershipRow>(
      `SELECT md.member_id, md.department_id AS ref_id FROM members m
       JOIN member_departments md ON md.member_id = m.id AND md.workspace_id = m.workspace_id
       WHERE m.workspace_id = ? ORDER BY md.member_id, md.department_id`,
    ),
    workspaceRoles: db.prepare<[string], MembershipRow>(
      `SELECT mr.member_id, mr.role_id AS ref_id FROM members m
       JOIN member_roles mr ON mr.member_id = m.id AND mr.workspace_id = m.workspace_id
       WHERE m.workspace_id = ? ORDER BY mr.member_id, mr.role_id`,
    ),
    memberDepartments: db.prepare<[string, string], MembershipRow>(
      `SELECT member_id, department_id AS ref_id FROM member_departments WHERE member_id = ? AND workspace_id = ?
       ORDER BY department_id`,
    ),
    memberRoles: db.prepare<[string, string], MembershipRow>(
      `SELECT member_id, role_id AS ref_id FROM member_roles WHERE member_id = ? AND workspace_id = ?
       ORDER BY role_id`,
    ),
    clearMemberDepartments: db.prepare<[string, string]>(
      'DELETE FROM member_departments WHERE member_id = ? AND workspace_id = ?',
    ),
    clearMemberRoles: db.prepare<[string, string]>('DELETE FROM member_roles WHERE member_id = ? AND workspace_id = ?'),
    insertMemberDepartment: db.prepare<[string, string, string]>(
      'INSERT INTO member_departments (workspace_id, member_id, department_id) VALUES (?, ?, ?)',
    ),
    insertMemberRole: db.prepare<[string, string, string]>(
      'INSERT INTO member_roles (workspace_id, member_id, role_id) VALUES (?, ?, ?)',
    ),
    setMemberRole: db.prepare<[string, string, string]>(
      'UPDATE members SET role = ? WHERE workspace_id = ? AND id = ?',
    ),
    otherActiveOwners: db.prepare<[string, string], { n: number }>(
      `SELECT count(*) AS n FROM members WHERE workspace_id = ? AND id <> ? AND role = 'owner' AND status = 'active'`,
    ),
    viewer: db.prepare<{ workspaceId: string; memberId: string }, ViewerRow>(VIEWER_SQL),
    revision: db.prepare<[string], number>('SELECT revision FROM directory_revisions WHERE workspace_id = ?').pluck(),
    insertAudit: db.prepare<[string, string | null, string, string, string, string, string]>(
      `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
       VALUES (?, ?, ?, ?, ?, json(?), ?)`,
    ),
  };
  const hit = (row: { hit: number } | undefined) => row !== undefined;
  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    read: <T>(fn: () => T): T => db.transaction(fn).deferred(),
    listDepartments: (ws: string) => p.listDepartments.all(ws),
    getDepartment: (ws: string, id: string) => p.getDepartment.get(ws, id),
    insertDepartment: (ws: string, id: string, parentId: string | null, name: string, sort: number) =>
      void p.insertDepartment.run(id, ws, parentId, name, sort),
    updateDepartment: (ws: string, id: string, parentId: string | null, name: string, sort: number) =>
      void p.updateDepartment.run(parentId, name, sort, ws, id),
    deleteDepartment: (ws: string, id: string) => p.deleteDepartment.run(ws, id).changes === 1,
    /** True when `candidate` is `root` itself or one of its descendants. */
    isWithin: (ws: string, root: string, candidate: string) =>
      hit(p.isWithin.get({ workspaceId: ws, root, candidate })),
    hasChildren: (ws: string, id: string) => hit(p.hasChildren.get(ws, id)),
    hasDepartmentMembers: (ws: string, id: string) => hit(p.hasDepartmentMembers.get(id, ws)),
    listRoles: (ws: string) => p.listRoles.all(ws),
    getRole: (ws: string, id: string) => p.getRole.get(ws, id),
    insertRole: (ws: string, id: string, name: string) => void p.insertRole.run(id, ws, name),
    renameRole: (ws: string, id: string, name: string) => p.renameRole.run(name, ws, id).changes === 1,
    /** Deletes a role and every membership of it; returns how many memberships went, or undefined when unknown. */
    deleteRole: (ws: string, id: string): number | undefined => {
      const removed = p.deleteRoleMemberships.run(id, ws).changes;
      return p.deleteRole.run(ws, id).changes === 1 ? removed : undefined;
    },
    listMembers: (ws: string) => p.listMembers.all(ws),
    getMember: (ws: string, id: string) => p.getMember.get(ws, id),
    workspaceDepartments: (ws: string) => p.workspaceDepartments.all(ws),
    workspaceRoles: (ws: string) => p.workspaceRoles.all(ws),
    memberDepartments: (ws: string, memberId: string) => p.memberDepartments.all(memberId, ws).map((r) => r.ref_id),
    memberRoles: (ws: string, memberId: string) => p.memberRoles.all(memberId, ws).map((r) => r.ref_id),
    replaceMemberDepartments: (ws: string, memberId: string, ids: readonly string[]) => {
      p.clearMemberDepartments.run(memberId, ws);
      for (const id of ids) p.insertMemberDepartment.run(ws, memberId, id);
    },
    replaceMemberRoles: (ws: string, memberId: string, ids: readonly string[]) => {
      p.clearMemberRoles.run(memberId, ws);
      for (const id of ids) p.insertMemberRole.run(ws, memberId, id);
    },
    setMemberRole: (ws: string, memberId: string, role: string) =>
      p.setMemberRole.run(role, ws, memberId).changes === 1,
    otherActiveOwners: (ws: string, memberId: string) => p.otherActiveOwners.get(ws, memberId)?.n ?? 0,
    viewer: (ws: string, memberId: string) => p.viewer.all({ workspaceId: ws, memberId }),
    /** Bumped by trigger on every change to the workspace's directory (migration 0005). */
    revision: (ws: string): number => p.revision.get(ws) ?? 0,
    audit: (ws: string, actor: string | null, action: string, type: string, id: string, detail: unknown, at: string) =>
      void p.insertAudit.run(ws, actor, action, type, id, JSON.stringify(detail), at),
  };
}
