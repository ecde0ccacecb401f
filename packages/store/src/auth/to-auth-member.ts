import type { AuthMember, MemberStatus, WorkspaceRole } from './auth-types.js';

/** The `members` columns an AuthMember is made of (never the password hash). */
export type AuthMemberRow = {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  role: string;
  status: string;
  created_at: string;
};

export function toAuthMember(row: AuthMemberRow): AuthMember {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    email: row.email,
    role: row.role as WorkspaceRole,
    status: row.status as MemberStatus,
    createdAt: row.created_at,
  };
}
