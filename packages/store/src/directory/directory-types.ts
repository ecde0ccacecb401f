import type { AuthMember } from '../auth/auth-types.js';

/** 部门: a node of the workspace's org tree (`parentId` null at the root). */
export type Department = { id: string; workspaceId: string; parentId: string | null; name: string; sort: number };

/** 角色: a named group of members, used as a permission-group principal. */
export type Role = { id: string; workspaceId: string; name: string };

/** A member with their department and role ids (sorted by id). */
export type DirectoryMember = AuthMember & { departmentIds: string[]; roleIds: string[] };

/** Who changes the directory, for the audit log; null for the system. */
type Actor = { actor?: string | null };

export type CreateDepartmentInput = Actor & {
  workspaceId: string;
  name: string;
  parentId?: string | null;
  sort?: number;
};

export type CreateDepartmentResult =
  { ok: true; department: Department } | { ok: false; reason: 'PARENT_NOT_FOUND' | 'INVALID_NAME' | 'INVALID_SORT' };

/** Omitted properties stay; `parentId: null` moves the department to the root. */
export type UpdateDepartmentInput = Actor & {
  workspaceId: string;
  id: string;
  name?: string;
  parentId?: string | null;
  sort?: number;
};

export type UpdateDepartmentResult =
  | { ok: true; department: Department }
  /** CYCLE: the new parent is the department itself or one of its descendants. */
  | { ok: false; reason: 'NOT_FOUND' | 'PARENT_NOT_FOUND' | 'CYCLE' | 'INVALID_NAME' | 'INVALID_SORT' };

export type DeleteDepartmentResult =
  | { ok: true }
  /** NOT_EMPTY: it has child departments or members; move or remove them first. */
  | { ok: false; reason: 'NOT_FOUND' | 'NOT_EMPTY' };

export type CreateRoleInput = Actor & { workspaceId: string; name: string };
export type RenameRoleInput = Actor & { workspaceId: string; id: string; name: string };
export type RoleResult = { ok: true; role: Role } | { ok: false; reason: 'INVALID_NAME' };
export type RenameRoleResult = RoleResult | { ok: false; reason: 'NOT_FOUND' };
export type DeleteRoleResult = { ok: true; removedMemberships: number } | { ok: false; reason: 'NOT_FOUND' };

export type SetMembershipsResult =
  | { ok: true; member: DirectoryMember }
  | { ok: false; reason: 'MEMBER_NOT_FOUND' }
  | { ok: false; reason: 'UNKNOWN_DEPARTMENT' | 'UNKNOWN_ROLE'; id: string };

export type SetMemberRoleResult =
  | { ok: true; member: DirectoryMember }
  /** LAST_OWNER: the member is the workspace's last active owner and would stop being owner. */
  | { ok: false; reason: 'NOT_FOUND' | 'LAST_OWNER' };
