import { uuidV7 } from '../ids/uuid-v7.js';
import type { DepartmentRow, DirectoryStatements } from '../sqlite/directory-statements.js';
import type {
  CreateDepartmentInput,
  CreateDepartmentResult,
  DeleteDepartmentResult,
  Department,
  UpdateDepartmentInput,
  UpdateDepartmentResult,
} from './directory-types.js';
import { normaliseName } from './normalise-name.js';

export function toDepartment(row: DepartmentRow): Department {
  return { id: row.id, workspaceId: row.workspace_id, parentId: row.parent_id, name: row.name, sort: row.sort };
}

const validSort = (sort: number) => Number.isSafeInteger(sort);

/** A new department under `parentId` (root when absent); its id is `dept-<uuidV7>`, a valid definition id. */
export function createDepartment(
  sql: DirectoryStatements,
  at: string,
  input: CreateDepartmentInput,
): CreateDepartmentResult {
  const { workspaceId } = input;
  const name = normaliseName(input.name);
  if (name === undefined) return { ok: false, reason: 'INVALID_NAME' };
  const sort = input.sort ?? 0;
  if (!validSort(sort)) return { ok: false, reason: 'INVALID_SORT' };
  return sql.transaction((): CreateDepartmentResult => {
    const parentId = input.parentId ?? null;
    if (parentId !== null && !sql.getDepartment(workspaceId, parentId))
      return { ok: false, reason: 'PARENT_NOT_FOUND' };
    const id = `dept-${uuidV7()}`;
    sql.insertDepartment(workspaceId, id, parentId, name, sort);
    sql.audit(workspaceId, input.actor ?? null, 'department.created', 'department', id, { name, parentId }, at);
    return { ok: true, department: { id, workspaceId, parentId, name, sort } };
  });
}

/** Renames, re-sorts or moves a department; a move under itself or one of its descendants is a CYCLE. */
export function updateDepartment(
  sql: DirectoryStatements,
  at: string,
  input: UpdateDepartmentInput,
): UpdateDepartmentResult {
  const { workspaceId, id } = input;
  const name = input.name === undefined ? undefined : normaliseName(input.name);
  if (input.name !== undefined && name === undefined) return { ok: false, reason: 'INVALID_NAME' };
  if (input.sort !== undefined && !validSort(input.sort)) return { ok: false, reason: 'INVALID_SORT' };
  return sql.transaction((): UpdateDepartmentResult => {
    const row = sql.getDepartment(workspaceId, id);
    if (!row) return { ok: false, reason: 'NOT_FOUND' };
    const parentId = input.parentId === undefined ? row.parent_id : input.parentId;
    if (parentId !== null && parentId !== row.parent_id) {
      if (!sql.getDepartment(workspaceId, parentId)) return { ok: false, reason: 'PARENT_NOT_FOUND' };
      if (sql.isWithin(workspaceId, id, parentId)) return { ok: false, reason: 'CYCLE' };
    }
    const department: Department = {
      ...toDepartment(row),
      parentId,
      name: name ?? row.name,
      sort: input.sort ?? row.sort,
    };
    sql.updateDepartment(workspaceId, id, department.parentId, department.name, department.sort);
    const detail = { name: department.name, parentId: department.parentId, sort: department.sort };
    sql.audit(workspaceId, input.actor ?? null, 'department.updated', 'department', id, detail, at);
    return { ok: true, department };
  });
}

/** Deletes an empty department (no child departments, no members). */
export function deleteDepartment(
  sql: DirectoryStatements,
  at: string,
  workspaceId: string,
  id: string,
  actor: string | null,
): DeleteDepartmentResult {
  return sql.transaction((): DeleteDepartmentResult => {
    if (!sql.getDepartment(workspaceId, id)) return { ok: false, reason: 'NOT_FOUND' };
    if (sql.hasChildren(workspaceId, id) || sql.hasDepartmentMembers(workspaceId, id)) {
      return { ok: false, reason: 'NOT_EMPTY' };
    }
    sql.deleteDepartment(workspaceId, id);
    sql.audit(workspaceId, actor, 'department.deleted', 'department', id, {}, at);
    return { ok: true };
  });
}
