import { fieldKind } from '@formflow/engine';
import type { FieldDef, FilterNode, FormDef, SortSpec, ViewDef, ViewType } from '@formflow/schema';

/** What the toolbar edits: a view's filter, sort, visible columns and grouping (saved into a ViewDef). */
export type ViewState = {
  filter?: FilterNode;
  sort: SortSpec[];
  /** Visible columns in order; all readable value fields when absent. */
  fields?: string[];
  groupBy?: string;
};

export function stateOfView(view: ViewDef | undefined): ViewState {
  if (!view) return { sort: [] };
  return {
    ...(view.filter ? { filter: view.filter } : {}),
    sort: view.sort ?? [],
    ...(view.fields ? { fields: view.fields } : {}),
    ...(view.type === 'grid' && view.groupBy ? { groupBy: view.groupBy } : {}),
  };
}

/** The view with the toolbar's state written in (kanban/calendar keep their own groupBy / date fields). */
export function applyState(view: ViewDef, state: ViewState): ViewDef {
  const next: ViewDef = { ...view, sort: state.sort };
  if (state.filter) next.filter = state.filter;
  else delete next.filter;
  if (state.fields) next.fields = state.fields;
  else delete next.fields;
  if (view.type === 'grid') {
    if (state.groupBy) next.groupBy = state.groupBy;
    else delete next.groupBy;
  }
  if (next.sort?.length === 0) delete next.sort;
  return next;
}

/** Fields that can be columns: value-holding fields the caller may read, in form order. */
export function columnCandidates(form: FormDef, readable?: readonly string[]): FieldDef[] {
  const allowed = readable ? new Set(readable) : null;
  return form.fields.filter((f) => fieldKind(f) !== 'layout' && (!allowed || allowed.has(f.id)));
}

/** The visible columns: the view's list (unknown or unreadable ids dropped) or every candidate. */
export function visibleColumns(candidates: readonly FieldDef[], fields: readonly string[] | undefined): FieldDef[] {
  if (!fields) return [...candidates];
  const byId = new Map(candidates.map((f) => [f.id, f]));
  return fields.map((id) => byId.get(id)).filter((f): f is FieldDef => f !== undefined);
}

/** Moves `id` one place up (-1) or down (+1) in the list. */
export function moveField(fields: readonly string[], id: string, delta: -1 | 1): string[] {
  const list = [...fields];
  const i = list.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return list;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return list;
}

/** Types a grid may be grouped by: single-valued fields whose list order the client can reproduce. */
export function canGroupBy(field: FieldDef): boolean {
  return ['option', 'boolean', 'number', 'date'].includes(fieldKind(field)) && field.type !== 'formula';
}

/** Types a list may be sorted by (everything but layout, sub-tables and structured values). */
export function canSortBy(field: FieldDef): boolean {
  const kind = fieldKind(field);
  return kind !== 'layout' && kind !== 'structured';
}

/**
 * The sort the list is asked for: grouping sorts by the group field first (so each group's records are contiguous),
 * then by the user's keys; at most 5 keys (the API's limit).
 */
export function effectiveSort(state: ViewState): SortSpec[] {
  const keys = state.sort.filter((s) => s.field !== state.groupBy);
  const grouped = state.groupBy ? [{ field: state.groupBy, direction: 'asc' as const }, ...keys] : keys;
  return grouped.slice(0, 5);
}

/** A new view id (ids: a letter, then letters, digits, `_`, `-`; 64 at most). */
export function newViewId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `v_${Date.now().toString(36)}${random}`;
}

/** Settings a new view of this type needs before it can be saved. */
export function newViewProblems(type: ViewType, settings: { groupBy?: string; dateField?: string }): string[] {
  if (type === 'kanban' && !settings.groupBy) return ['groupBy'];
  if (type === 'calendar' && !settings.dateField) return ['dateField'];
  return [];
}
