import type { Viewer } from '@formflow/engine';
import type { Database } from 'better-sqlite3';
import type { WorkspaceRole } from '../auth/auth-types.js';
import { type AuthMemberRow, toAuthMember } from '../auth/to-auth-member.js';
import { uuidV7 } from '../ids/uuid-v7.js';
import {
  type DirectoryStatements,
  type MembershipRow,
  prepareDirectoryStatements,
} from '../sqlite/directory-statements.js';
import { createDepartment, deleteDepartment, toDepartment, updateDepartment } from './departments.js';
import type {
  CreateDepartmentInput,
  CreateDepartmentResult,
  CreateRoleInput,
  DeleteDepartmentResult,
  DeleteRoleResult,
  Department,
  DirectoryMember,
  RenameRoleInput,
  RenameRoleResult,
  Role,
  RoleResult,
  SetMemberRoleResult,
  SetMembershipsResult,
  UpdateDepartmentInput,
  UpdateDepartmentResult,
} from './directory-types.js';
import { normaliseName } from './normalise-name.js';
import { viewerOf } from './viewer-of.js';

function groupByMember(rows: readonly MembershipRow[]): Map<string, string[]> {
  const byMember = new Map<string, string[]>();
  for (const row of rows) {
    const ids = byMember.get(row.member_id);
    if (ids) ids.push(row.ref_id);
    else byMember.set(row.member_id, [row.ref_id]);
  }
  return byMember;
}

const uniqueSorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/**
 * The workspace directory: the department tree, roles, and members' departments, roles and workspace role.
 * Members are created by `AuthRepository.addMember`; this adds where they sit. Every lookup is scoped by workspace:
 * an id of another workspace behaves as not found. Writes are single transactions with an audit_log row.
 * Department and role ids are `dept-<uuidV7>` / `role-<uuidV7>`, valid definition ids, so permission groups can name
 * them as principals.
 */
export class DirectoryRepository {
  private readonly sql: DirectoryStatements;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = prepareDirectoryStatements(db);
  }

  /** Every department of the workspace, flat (build the tree from `parentId`), by sort, name, id. */
  listDepartments(workspaceId: string): Department[] {
    return this.sql.listDepartments(workspaceId).map(toDepartment);
  }

  getDepartment(workspaceId: string, id: string): Department | undefined {
    const row = this.sql.getDepartment(workspaceId, id);
    return row && toDepartment(row);
  }

  createDepartment(input: CreateDepartmentInput): CreateDepartmentResult {
    return createDepartment(this.sql, this.at(), input);
  }

  updateDepartment(input: UpdateDepartmentInput): UpdateDepartmentResult {
    return updateDepartment(this.sql, this.at(), input);
  }

  /** Deletes a department without child departments or members (else NOT_EMPTY). */
  deleteDepartment(workspaceId: string, id: string, actor: string | null = null): DeleteDepartmentResult {
    return deleteDepartment(this.sql, this.at(), workspaceId, id, actor);
  }

  /** The workspace's roles by name. */
  listRoles(workspaceId: string): Role[] {
    return this.sql.listRoles(workspaceId).map((r) => ({ id: r.id, workspaceId: r.workspace_id, name: r.name }));
  }

  createRole(input: CreateRoleInput): RoleResult {
    const name = normaliseName(input.name);
    if (name === undefined) return { ok: false, reason: 'INVALID_NAME' };
    const { workspaceId } = input;
    const id = `role-${uuidV7()}`;
    const at = this.at();
    return this.sql.transaction(() => {
      this.sql.insertRole(workspaceId, id, name);
      this.sql.audit(workspaceId, input.actor ?? null, 'role.created', 'role', id, { name }, at);
      return { ok: true, role: { id, workspaceId, name } };
    });
  }

  renameRole(input: RenameRoleInput): RenameRoleResult {
    const name = normaliseName(input.name);
    if (name === undefined) return { ok: false, reason: 'INVALID_NAME' };
    const { workspaceId, id } = input;
    const at = this.at();
    return this.sql.transaction((): RenameRoleResult => {
      if (!this.sql.renameRole(workspaceId, id, name)) return { ok: false, reason: 'NOT_FOUND' };
      this.sql.audit(workspaceId, input.actor ?? null, 'role.renamed', 'role', id, { name }, at);
      return { ok: true, role: { id, workspaceId, name } };
    });
  }

  /**
   * Deletes a role even while members hold it: their memberships of it are removed in the same transaction (the
   * count is returned and audited). Permission groups naming the role then match nobody through it.
   */
  deleteRole(workspaceId: string, id: string, actor: string | null = null): DeleteRoleResult {
    const at = this.at();
    return this.sql.transaction((): DeleteRoleResult => {
      const removedMemberships = this.sql.deleteRole(workspaceId, id);
      if (removedMemberships === undefined) return { ok: false, reason: 'NOT_FOUND' };
      this.sql.audit(workspaceId, actor, 'role.deleted', 'role', id, { removedMemberships }, at);
      return { ok: true, removedMemberships };
    });
  }

  /** Every member of the workspace (oldest first) with their department and role ids; three queries in all. */
  listMembers(workspaceId: string): DirectoryMember[] {
    return this.sql.read(() => {
      const departments = groupByMember(this.sql.workspaceDepartments(workspaceId));
      const roles = groupByMember(this.sql.workspaceRoles(workspaceId));
      return this.sql.listMembers(workspaceId).map((row) => ({
        ...toAuthMember(row),
        departmentIds: departments.get(row.id) ?? [],
        roleIds: roles.get(row.id) ?? [],
      }));
    });
  }

  getMember(workspaceId: string, memberId: string): DirectoryMember | undefined {
    return this.sql.read(() => {
      const row = this.sql.getMember(workspaceId, memberId);
      return row && this.withMemberships(row);
    });
  }

  /** Replaces the member's departments (duplicates ignored; [] clears them). */
  setMemberDepartments(
    workspaceId: string,
    memberId: string,
    departmentIds: readonly string[],
    actor: string | null = null,
  ): SetMembershipsResult {
    const ids = uniqueSorted(departmentIds);
    const at = this.at();
    return this.sql.transaction((): SetMembershipsResult => {
      const row = this.sql.getMember(workspaceId, memberId);
      if (!row) return { ok: false, reason: 'MEMBER_NOT_FOUND' };
      const unknown = ids.find((id) => !this.sql.getDepartment(workspaceId, id));
      if (unknown !== undefined) return { ok: false, reason: 'UNKNOWN_DEPARTMENT', id: unknown };
      this.sql.replaceMemberDepartments(workspaceId, memberId, ids);
      this.sql.audit(workspaceId, actor, 'member.departments_set', 'member', memberId, { departmentIds: ids }, at);
      return { ok: true, member: this.withMemberships(row) };
    });
  }

  /** Replaces the member's roles (duplicates ignored; [] clears them). */
  setMemberRoles(
    workspaceId: string,
    memberId: string,
    roleIds: readonly string[],
    actor: string | null = null,
  ): SetMembershipsResult {
    const ids = uniqueSorted(roleIds);
    const at = this.at();
    return this.sql.transaction((): SetMembershipsResult => {
      const row = this.sql.getMember(workspaceId, memberId);
      if (!row) return { ok: false, reason: 'MEMBER_NOT_FOUND' };
      const unknown = ids.find((id) => !this.sql.getRole(workspaceId, id));
      if (unknown !== undefined) return { ok: false, reason: 'UNKNOWN_ROLE', id: unknown };
      this.sql.replaceMemberRoles(workspaceId, memberId, ids);
      this.sql.audit(workspaceId, actor, 'member.roles_set', 'member', memberId, { roleIds: ids }, at);
      return { ok: true, member: this.withMemberships(row) };
    });
  }

  /**
   * Changes a member's workspace role (owner / admin / member). The workspace's last ACTIVE owner cannot stop being
   * owner (LAST_OWNER): a suspended owner cannot run the workspace, so they do not count as another owner.
   */
  setMemberRole(
    workspaceId: string,
    memberId: string,
    role: WorkspaceRole,
    actor: string | null = null,
  ): SetMemberRoleResult {
    const at = this.at();
    return this.sql.transaction((): SetMemberRoleResult => {
      const row = this.sql.getMember(workspaceId, memberId);
      if (!row) return { ok: false, reason: 'NOT_FOUND' };
      if (row.role === role) return { ok: true, member: this.withMemberships(row) };
      if (row.role === 'owner' && this.sql.otherActiveOwners(workspaceId, memberId) === 0) {
        return { ok: false, reason: 'LAST_OWNER' };
      }
      this.sql.setMemberRole(workspaceId, memberId, role);
      this.sql.audit(workspaceId, actor, 'member.role_changed', 'member', memberId, { from: row.role, to: role }, at);
      return { ok: true, member: this.withMemberships({ ...row, role }) };
    });
  }

  /** Who a member is for permission checks (engine `Viewer`); undefined when not a member of this workspace. */
  viewerOf(workspaceId: string, memberId: string, knownRevision?: number): Viewer | undefined {
    return viewerOf(this.sql, workspaceId, memberId, knownRevision);
  }

  private withMemberships(row: AuthMemberRow): DirectoryMember {
    return {
      ...toAuthMember(row),
      departmentIds: this.sql.memberDepartments(row.workspace_id, row.id),
      roleIds: this.sql.memberRoles(row.workspace_id, row.id),
    };
  }

  private at(): string {
    return this.now().toISOString();
  }
}
