import {
  FORM_ACTIONS,
  type FieldAccess,
  type FilterNode,
  type FormAction,
  type FormDef,
  type PermissionGroupDef,
  type Principal,
} from '@formflow/schema';
import type { FormAccess, Viewer } from './types.js';

function principalMatches(principal: Principal, viewer: Viewer): boolean {
  switch (principal.kind) {
    case 'everyone':
      return true;
    case 'member':
      return principal.id === viewer.memberId;
    case 'role':
      return viewer.roleIds.includes(principal.id);
    case 'department':
      return principal.includeChildren
        ? viewer.departmentAncestorIds.includes(principal.id)
        : viewer.departmentIds.includes(principal.id);
  }
}

/** The groups of `form` that apply to `viewer`. */
export function matchingGroups(groups: readonly PermissionGroupDef[], formId: string, viewer: Viewer) {
  return groups.filter((g) => g.formId === formId && g.principals.some((p) => principalMatches(p, viewer)));
}

function groupFieldAccess(group: PermissionGroupDef, fieldId: string): FieldAccess {
  const explicit = group.fields && Object.hasOwn(group.fields, fieldId) ? group.fields[fieldId] : undefined;
  if (explicit) return explicit;
  if (group.defaultFieldAccess) return group.defaultFieldAccess;
  return group.actions.some((a) => a === 'submit' || a === 'edit' || a === 'manage') ? 'write' : 'read';
}

/** Fields a user can ever address: top-level, not deleted, not layout-only. */
function liveFieldIds(form: FormDef): string[] {
  return form.fields.filter((f) => !f.deleted && f.type !== 'section' && f.type !== 'description').map((f) => f.id);
}

function fullAccess(form: FormDef): FormAccess {
  const all = new Set(liveFieldIds(form));
  const rowFilters: Partial<Record<FormAction, FilterNode | null>> = {};
  for (const action of FORM_ACTIONS) rowFilters[action] = null;
  return {
    full: true,
    actions: new Set(FORM_ACTIONS),
    readable: all,
    writable: all,
    writableFor: { submit: all, edit: all },
    exportable: all,
    rowFilters,
  };
}

/**
 * The fields with at least `need` access on EVERY row the groups reach together: a field counts when a group that
 * reaches every row (no row filter) gives it, or when every group gives it. A field given only by a group limited to
 * some rows is left out, because another group may reach rows where it is hidden (the conservative reading: never
 * show or accept a field on a row whose own group hides it).
 */
function fieldsOnEveryRow(groups: readonly PermissionGroupDef[], fieldIds: readonly string[], need: FieldAccess) {
  const out = new Set<string>();
  if (groups.length === 0) return out;
  const enough = (g: PermissionGroupDef, id: string) => {
    const access = groupFieldAccess(g, id);
    return need === 'write' ? access === 'write' : access !== 'hidden';
  };
  for (const id of fieldIds) {
    const byUnfiltered = groups.some((g) => g.rowFilter === undefined && enough(g, id));
    if (byUnfiltered || groups.every((g) => enough(g, id))) out.add(id);
  }
  return out;
}

/**
 * A viewer's access to one form. Owners and admins, and members of a group granting `manage`, get everything.
 * Otherwise, per action, the matching groups that grant it count: the action is granted when any does; its rows are
 * the union (`or`) of their row filters, or every row when one of them has none. Field sets are computed from the
 * groups of the action they serve, so one group's field grant never leaks through another group's action or rows:
 * `readable` from the groups granting `view`, `writableFor.submit` / `.edit` from those granting `submit` / `edit`,
 * `exportable` from those granting `export` (each via fieldsOnEveryRow).
 */
export function resolveFormAccess(form: FormDef, groups: readonly PermissionGroupDef[], viewer: Viewer): FormAccess {
  if (viewer.role === 'owner' || viewer.role === 'admin') return fullAccess(form);
  const mine = matchingGroups(groups, form.id, viewer);
  if (mine.some((g) => g.actions.includes('manage'))) return fullAccess(form);
  const actions = new Set<FormAction>();
  const rowFilters: Partial<Record<FormAction, FilterNode | null>> = {};
  const granting = (action: FormAction) => mine.filter((g) => g.actions.includes(action));
  for (const action of FORM_ACTIONS) {
    const these = granting(action);
    if (these.length === 0) continue;
    actions.add(action);
    const filters = these.map((g) => g.rowFilter);
    if (filters.some((f) => f === undefined)) rowFilters[action] = null;
    else {
      const defined = filters as FilterNode[];
      rowFilters[action] = defined.length === 1 ? (defined[0] as FilterNode) : { or: defined };
    }
  }
  const ids = liveFieldIds(form);
  const submit = fieldsOnEveryRow(granting('submit'), ids, 'write');
  const edit = fieldsOnEveryRow(granting('edit'), ids, 'write');
  return {
    full: false,
    actions,
    readable: fieldsOnEveryRow(granting('view'), ids, 'read'),
    writable: new Set([...submit, ...edit]),
    writableFor: { submit, edit },
    exportable: fieldsOnEveryRow(granting('export'), ids, 'read'),
    rowFilters,
  };
}

/** A copy of `data` with only the readable fields (responses, exports, lookups). */
export function pickReadable<T>(data: Readonly<Record<string, T>>, access: FormAccess): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(data)) if (access.readable.has(key)) out[key] = data[key] as T;
  return out;
}
