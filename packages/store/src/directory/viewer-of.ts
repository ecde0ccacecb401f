import type { Viewer, WorkspaceRoleName } from '@formflow/engine';
import type { DirectoryStatements } from '../sqlite/directory-statements.js';

type Cached = { revision: number; viewer: Viewer | undefined };

/** Viewers by statements object (one per connection), then by workspace + member. */
const caches = new WeakMap<DirectoryStatements, Map<string, Cached>>();
/** Bound on cached members per connection; the whole map is dropped past it (a rare, cheap rebuild). */
const MAX_CACHED = 10_000;

/**
 * The permission viewer of a member (runs on every API request). Undefined when the member is not in this workspace.
 * Status is not checked here: authentication refuses suspended members.
 *
 * Cached per workspace directory revision: triggers bump `directory_revisions` on every change to members, roles,
 * departments and memberships (migration 0005), so a cached viewer is used only while nothing it was built from has
 * changed — one primary-key read instead of the recursive department query. Viewers are frozen: callers share them.
 */
export function viewerOf(
  sql: DirectoryStatements,
  workspaceId: string,
  memberId: string,
  /** The revision, when the caller read it in this request already (with its session or API key). */
  knownRevision?: number,
): Viewer | undefined {
  let cache = caches.get(sql);
  if (!cache) {
    cache = new Map();
    caches.set(sql, cache);
  }
  const key = `${workspaceId}\n${memberId}`;
  const revision = knownRevision ?? sql.revision(workspaceId);
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.viewer;
  const viewer = readViewer(sql, workspaceId, memberId);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, { revision, viewer });
  return viewer;
}

function readViewer(sql: DirectoryStatements, workspaceId: string, memberId: string): Viewer | undefined {
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
  return Object.freeze({
    memberId,
    role,
    departmentIds: Object.freeze(own),
    departmentAncestorIds: Object.freeze(up),
    departmentScopeIds: Object.freeze(down),
    roleIds: Object.freeze(roles),
  }) as Viewer;
}
