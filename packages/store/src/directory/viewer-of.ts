import type { Viewer, WorkspaceRoleName } from '@formflow/engine';
import type { DirectoryStatements } from '../sqlite/directory-statements.js';

/**
 * The permission viewer of a member, from one prepared statement (runs on every API request). Undefined when the
 * member is not in this workspace. Status is not checked here: authentication refuses suspended members.
 */
export function viewerOf(sql: DirectoryStatements, workspaceId: string, memberId: string): Viewer | undefined {
  let role: WorkspaceRoleName | undefined;
  const own: string[] = [];
  const up: string[] = [];
  const down: string[] = [];
  const roles: string[] = [];
  for (const row of sql.viewer(workspaceId, memberId)) {
    if (row.kind === 'member') role = row.id as WorkspaceRoleName;
    else if (row.kind === 'own') own.push(row.id);
    else if (row.kind === 'up') up.push(row.id);
    else if (row.kind === 'down') down.push(row.id);
    else roles.push(row.id);
  }
  if (role === undefined) return undefined;
  return {
    memberId,
    role,
    departmentIds: own,
    departmentAncestorIds: up,
    departmentScopeIds: down,
    roleIds: roles,
  };
}
