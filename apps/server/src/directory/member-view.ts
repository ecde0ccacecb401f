import type { DirectoryMember } from '@formflow/store';
import type { Actor } from '../auth/actor.js';

export type MemberView = {
  id: string;
  name: string;
  email?: string | null;
  role: DirectoryMember['role'];
  status: DirectoryMember['status'];
  departmentIds: string[];
  roleIds: string[];
  createdAt?: string;
};

/**
 * A member as the caller may see them: pickers need names, departments and roles, so every member reads those;
 * email and creation time are for owners and admins. Never the password hash or API keys (the store does not even
 * return them).
 */
export function memberView(member: DirectoryMember, viewer: Actor): MemberView {
  const view: MemberView = {
    id: member.id,
    name: member.name,
    role: member.role,
    status: member.status,
    departmentIds: member.departmentIds,
    roleIds: member.roleIds,
  };
  if (viewer.role === 'owner' || viewer.role === 'admin') {
    view.email = member.email;
    view.createdAt = member.createdAt;
  }
  return view;
}
