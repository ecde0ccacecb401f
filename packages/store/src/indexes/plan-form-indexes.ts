import { createHash } from 'node:crypto';
import type { DashboardDef, FieldDef, FormDef, PermissionGroupDef, SortSpec, ViewDef } from '@formflow/schema';
import { groupsByIdKey } from '../sqlite/query/build-aggregate-query.js';
import { aggregateOrderTag, listOrderTag } from '../sqlite/query/index-keys.js';
import { formRowsLiteral } from '../sqlite/query/sql-ident.js';
import {
  equalityColumn,
  equalityFields,
  groupColumn,
  liveField,
  measureColumn,
  seeksByEquality,
  sortColumns,
} from './index-columns.js';

/** What in an app decides a form's indexes: its views, its permission groups' row filters, its dashboard widgets. */
export type FormIndexSources = {
  views?: readonly ViewDef[] | undefined;
  permissionGroups?: readonly PermissionGroupDef[] | undefined;
  dashboards?: readonly DashboardDef[] | undefined;
};

export type PlannedIndex = {
  /** `ffx_<hash of workspace and form>_<hash of the columns>`: the same plan gives the same names. */
  name: string;
  /** Why it exists, for logs and tests: `view:<id>`, `view:<id>+row-filter`, `widget:<id>`, `unique:<field>`… */
  purpose: string;
  columns: string[];
  sql: string;
};

/** At most this many indexes per form: every index costs each write of the form's records. */
export const MAX_INDEXES_PER_FORM = 12;

export const INDEX_NAME_PREFIX = 'ffx_';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** The name prefix of a form's indexes. */
export function formIndexPrefix(workspaceId: string, formId: string): string {
  return `${INDEX_NAME_PREFIX}${hash(`${workspaceId}\u0000${formId}`)}_`;
}

/**
 * An index to be: equality fields (seeked; their id keys carry `tag`, the order tag of the queries it serves), then
 * the other columns (sort keys and id, or group keys and measured values). An aggregate's says how many of `rest`
 * are group keys (`groups`): another index serves it when it begins with the same equality and group columns and
 * holds its measured values anywhere (servedBy).
 */
type Spec = { purpose: string; tag: number; prefix: FieldDef[]; rest: string[]; groups?: number };

/** The spec's columns, each once (an aggregate grouped by a field its filter seeks names its id key twice). */
const columnsOf = (s: Spec): string[] => [...new Set([...s.prefix.map((f) => equalityColumn(f, s.tag)), ...s.rest])];

/**
 * Whether an index on `columns` covers the aggregate `spec` in its group order: it begins with the aggregate's
 * equality and group columns, and holds each measured value (a list index holds a sort key as `k DESC` or `k`).
 */
function servedBy(columns: readonly string[], spec: Spec): boolean {
  if (spec.groups === undefined) return false;
  const keys = columnsOf({ ...spec, rest: spec.rest.slice(0, spec.groups) });
  const held = new Set(columns.map((c) => c.replace(/ DESC$/, '')));
  return startsWith(columns, keys) && spec.rest.slice(spec.groups).every((v) => held.has(v));
}

/** Whether `columns` begins with every column of `head`, in order. */
const startsWith = (columns: readonly string[], head: readonly string[]): boolean =>
  head.length <= columns.length && head.every((c, i) => columns[i] === c);

const union = (a: readonly FieldDef[], b: readonly FieldDef[]): FieldDef[] => [
  ...a,
  ...b.filter((f) => !a.includes(f)),
];

/** The equality fields of each distinct row filter of the form's permission groups. */
function rowFilterFields(form: FormDef, groups: readonly PermissionGroupDef[]): FieldDef[][] {
  const out: FieldDef[][] = [];
  for (const group of groups) {
    if (group.formId !== form.id || !group.rowFilter) continue;
    const fields = equalityFields(group.rowFilter, form);
    const same = (o: FieldDef[]) => o.length === fields.length && o.every((f, i) => f === fields[i]);
    if (fields.length > 0 && !out.some(same)) out.push(fields);
  }
  return out;
}

type ViewSpecs = { lists: Spec[]; aggregates: Spec[]; singles: Spec[] };

function listSpec(purpose: string, form: FormDef, prefix: FieldDef[], sort: readonly SortSpec[]): Spec {
  return { purpose, tag: listOrderTag(sort), prefix, rest: sortColumns(sort, form) };
}

function viewSpecs(form: FormDef, view: ViewDef): ViewSpecs {
  const filtered = equalityFields(view.filter, form);
  const purpose = `view:${view.id}`;
  const sort = view.sort ?? [];
  const out: ViewSpecs = { lists: [], aggregates: [], singles: [] };
  const group = view.groupBy === undefined ? undefined : liveField(form, view.groupBy);
  const lists = (prefix: FieldDef[]): void => {
    out.lists.push(listSpec(purpose, form, prefix, sort));
  };
  if (view.type === 'kanban' && group) {
    lists(union(filtered, seeksByEquality(group) ? [group] : []));
    const sum = view.sumField === undefined ? undefined : liveField(form, view.sumField);
    const value = sum && measureColumn('sum', sum);
    const measures = [{ agg: 'count' }, ...(value ? [{ agg: 'sum', field: sum.id }] : [])];
    const tag = aggregateOrderTag([{ field: group.id }], measures);
    const column = aggregateGroupColumn(group, [{ field: group.id }], measures, tag);
    const rest = [...(column ? [column] : []), ...(value ? [value] : [])];
    if (column) out.aggregates.push({ purpose: `${purpose}:sums`, tag, prefix: filtered, rest, groups: 1 });
  } else if (view.type === 'calendar' && view.dateField !== undefined) {
    const date = liveField(form, view.dateField);
    const column = date && groupColumn(date);
    const tag = listOrderTag([{ field: view.dateField, direction: 'asc' }]);
    if (date?.type === 'date' && column) out.lists.push({ purpose, tag, prefix: filtered, rest: [column] });
  } else if (filtered.length > 0 || sort.length > 0) {
    lists(filtered);
  }
  if (view.type !== 'kanban' && group) {
    const column = groupColumn(group);
    if (column) out.singles.push({ purpose: `${purpose}:group`, tag: 0, prefix: [], rest: [column] });
  }
  return out;
}

function widgetSpecs(form: FormDef, dashboards: readonly DashboardDef[]): Spec[] {
  const out: Spec[] = [];
  for (const widget of dashboards.flatMap((d) => d.widgets)) {
    if (widget.formId !== form.id) continue;
    const dimensions = widget.dimensions ?? [];
    const tag = aggregateOrderTag(dimensions, widget.measures);
    const groups: string[] = [];
    for (const dim of dimensions) {
      const field = liveField(form, dim.field);
      const column =
        dim.bucket === undefined && field ? aggregateGroupColumn(field, dimensions, widget.measures, tag) : undefined;
      if (!column) break;
      groups.push(column);
    }
    const measures = widget.measures.map((m) =>
      measureColumn(m.agg, m.field === undefined ? undefined : liveField(form, m.field)),
    );
    if (measures.some((m) => m === undefined)) continue;
    const values = [...new Set(measures.filter((m): m is string => typeof m === 'string'))];
    out.push({
      purpose: `widget:${widget.id}`,
      tag,
      prefix: equalityFields(widget.filter, form),
      rest: [...groups, ...values],
      ...(groups.length === dimensions.length ? { groups: groups.length } : {}),
    });
  }
  return out;
}

/**
 * The column an aggregate groups a field by (buildAggregateQuery): the id key with the aggregate's order tag when it
 * reads a list order's index (groupsByIdKey), else the group key (groupColumn).
 */
function aggregateGroupColumn(
  field: FieldDef,
  groupBy: readonly { field: string; bucket?: string | undefined }[],
  measures: readonly { agg: string; field?: string | undefined }[],
  tag: number,
): string | undefined {
  const column = groupColumn(field);
  return column && groupsByIdKey(field, groupBy, measures) ? equalityColumn(field, tag) : column;
}

/** Each spec again behind each row filter's equality fields (members with a row filter query that way). */
function withRowFilters(specs: readonly Spec[], rowFilters: readonly FieldDef[][]): Spec[] {
  return specs.flatMap((s) =>
    rowFilters.map((r, i) => ({
      ...s,
      purpose: `${s.purpose}+row-filter${rowFilters.length > 1 ? String(i) : ''}`,
      prefix: union(r, s.prefix),
    })),
  );
}

/**
 * The indexes a form's queries need (DESIGN §6), most useful first, at most MAX_INDEXES_PER_FORM: for each view its
 * list order (the filter's equality keys, then the sort keys `(k IS NULL), k`, then `id`; a kanban view adds its
 * column field, a calendar view its date), the same behind each row filter's equality keys, covering indexes for
 * kanban sums and dashboard widgets (filter keys, group keys, measured values) unless an index already planned begins
 * with their keys and holds their values (a list index sorted by the measured field: the aggregate query reads it,
 * build-aggregate-query.ts groupsByIdKey), and one per unique field. All are
 * partial, `WHERE workspace_id = '<ws>' AND form_id = '<form>' AND deleted_at IS NULL`, as the queries write it.
 * An index whose columns begin another's is left out. Empty when the ids cannot be literals.
 *
 * Not planned: a view's order reversed (nulls stay last both ways and ties go by id ascending, so one index cannot
 * serve both directions) and other sorts a user picks: each index costs every write of the form (about 30 µs of CPU
 * per created record on the benchmark machine), so only what views declare is indexed.
 */
export function planFormIndexes(workspaceId: string, form: FormDef, sources: FormIndexSources = {}): PlannedIndex[] {
  const where = formRowsLiteral(workspaceId, form.id, '');
  if (where === undefined) return [];
  const views = (sources.views ?? []).filter((v) => v.formId === form.id);
  const rowFilters = rowFilterFields(form, sources.permissionGroups ?? []);
  const perView = views.map((v) => viewSpecs(form, v));
  const lists = perView.flatMap((v) => v.lists);
  const aggregates = [...perView.flatMap((v) => v.aggregates), ...widgetSpecs(form, sources.dashboards ?? [])];
  const unique = form.fields
    .filter((f) => f.unique === true && f.deleted !== true)
    .map((f): Spec => ({ purpose: `unique:${f.id}`, tag: 0, prefix: [f], rest: [] }));
  const ordered = [
    ...lists,
    ...withRowFilters(lists, rowFilters),
    ...aggregates,
    ...withRowFilters(aggregates, rowFilters),
    ...unique,
    ...perView.flatMap((v) => v.singles),
  ];
  const kept: { purpose: string; columns: string[] }[] = [];
  for (const spec of ordered) {
    const columns = columnsOf(spec);
    if (columns.length === 0 || (columns.length === 1 && columns[0] === 'id')) continue;
    if (kept.some((k) => startsWith(k.columns, columns) || servedBy(k.columns, spec))) continue;
    const covered = kept.findIndex((k) => startsWith(columns, k.columns));
    if (covered >= 0) kept.splice(covered, 1, { purpose: spec.purpose, columns });
    else kept.push({ purpose: spec.purpose, columns });
  }
  const prefix = formIndexPrefix(workspaceId, form.id);
  return kept.slice(0, MAX_INDEXES_PER_FORM).map((s) => {
    const name = `${prefix}${hash(`${s.columns.join('\n')}\u0000${where}`)}`;
    const sql = `CREATE INDEX ${name} ON records (${s.columns.join(', ')}) WHERE ${where}`;
    return { name, purpose: s.purpose, columns: s.columns, sql };
  });
}
