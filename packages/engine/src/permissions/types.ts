import type { FilterNode, FormAction } from '@formflow/schema';

export type WorkspaceRoleName = 'owner' | 'admin' | 'member';

/**
 * Who is asking, as permission checks need it. Resolved by the server from the directory on every request.
 * - `departmentIds`: the member's own departments.
 * - `departmentAncestorIds`: own departments and all their ancestors (a `department` principal with
 *   `includeChildren` matches when its id is in this list).
 * - `departmentScopeIds`: own departments and all their descendants (the `isCurrentDepartment` filter set).
 */
export type Viewer = {
  memberId: string;
  role: WorkspaceRoleName;
  departmentIds: readonly string[];
  departmentAncestorIds: readonly string[];
  departmentScopeIds: readonly string[];
  roleIds: readonly string[];
};

/**
 * What a viewer may do on one form (permission groups combined, DESIGN §9).
 * - `actions`: granted actions; an action not in it is a 403.
 * - `readable`: fields shown on EVERY row the viewer reaches (see resolveFormAccess); stripped from every response
 *   otherwise and refused in filters, sorts and aggregations.
 * - `writableFor.submit` / `writableFor.edit`: fields a create / an update may set; `writable` is their union (what
 *   an upload or the designer's "can this user fill this field" needs). A value for another field is refused.
 * - `exportable`: the columns an export may contain.
 * - `rowFilters[action]`: `null` = every row; a filter = only rows matching it; absent = the action is not granted.
 * - `full`: workspace owner/admin, or a group granting `manage`: every action, field and row.
 */
export type FormAccess = {
  full: boolean;
  actions: ReadonlySet<FormAction>;
  readable: ReadonlySet<string>;
  writable: ReadonlySet<string>;
  writableFor: { submit: ReadonlySet<string>; edit: ReadonlySet<string> };
  exportable: ReadonlySet<string>;
  rowFilters: Partial<Record<FormAction, FilterNode | null>>;
};
