import type { FieldRegistry, FilterContext } from '@formflow/engine';
import type { FieldDef, FilterNode, FormDef } from '@formflow/schema';
import { groupKeySql, type Bucket } from './bucket-sql.js';
import { compileFilterWithNotes, type CompileFilterOptions } from './compile-filter-to-sql.js';
import { fieldKind } from '@formflow/engine';
import { QueryError } from './query-error.js';
import {
  aggregateListOrder,
  aggregateOrderTag,
  groupKeyOfIdKey,
  idKeyOf,
  LIST_SENTINEL,
  numberKeyOf,
  presentKeyOf,
} from './index-keys.js';
import { formRowsSql, join, sql, TRUE_SQL, type Sql } from './sql-fragment.js';
import { fieldRef } from './value-ref.js';

export type AggregateFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type GroupBySpec = { field: string; bucket?: Bucket };
export type MeasureSpec = { agg: AggregateFunction; field?: string };
export type AggregateQueryInput = {
  workspaceId: string;
  formId: string;
  filter?: FilterNode;
  /** The permission row filter, ANDed with `filter`; trusted, like ListQueryInput.scope. */
  scope?: FilterNode;
  /** Clock, member and zone the scope is evaluated in; `ctx` when absent (see ListQueryInput.scopeContext). */
  scopeContext?: FilterContext;
  groupBy: readonly GroupBySpec[];
  measures: readonly MeasureSpec[];
};

const AGGS: ReadonlySet<string> = new Set(['count', 'sum', 'avg', 'min', 'max']);

function field(form: FormDef, id: string, readable: ReadonlySet<string> | undefined): FieldDef {
  const f = form.fields.find((x) => x.id === id && x.deleted !== true);
  if (!f) throw new QueryError('INVALID_AGGREGATE', `unknown field ${JSON.stringify(id)}`);
  if (readable && !readable.has(f.id)) throw new QueryError('INVALID_AGGREGATE', `field "${f.id}" is not readable`);
  return f;
}

type Measure = { agg: AggregateFunction; value: Sql | undefined };

/** A measure as its aggregate function and the value it aggregates (index-keys.ts; none for `count(*)`). */
function measureOf(m: MeasureSpec, form: FormDef, readable: ReadonlySet<string> | undefined): Measure {
  if (!AGGS.has(m.agg)) throw new QueryError('INVALID_AGGREGATE', `unknown aggregate ${JSON.stringify(m.agg)}`);
  if (m.agg === 'count' && m.field === undefined) return { agg: 'count', value: undefined };
  const f = field(form, m.field ?? '', readable);
  const ref = fieldRef(f.id);
  if (m.agg === 'count') return { agg: 'count', value: { sql: presentKeyOf(ref), params: [] } };
  if (fieldKind(f) !== 'number')
    throw new QueryError('INVALID_AGGREGATE', `${m.agg} needs a number field, not "${f.id}"`);
  return { agg: m.agg, value: { sql: numberKeyOf(ref), params: [] } };
}

const aggregateSql = (m: Measure, value: Sql | string | undefined): Sql =>
  value === undefined ? { sql: 'COUNT(*)', params: [] } : sql`${m.agg.toUpperCase()}(${value})`;

/**
 * Whether an aggregate grouped by `group` reads the index of a list order (aggregateListOrder) by the group field's
 * id key: the group is a single-valued id field (select, member, department, relation, createdBy), whose list index
 * column is its id key, not the aggregate's group key.
 */
export function groupsByIdKey(
  group: FieldDef,
  groupBy: readonly { field: string; bucket?: string | undefined }[],
  measures: readonly { agg: string; field?: string | undefined }[],
): boolean {
  const kind = fieldKind(group);
  return (kind === 'option' || kind === 'ref') && aggregateListOrder(groupBy, measures) !== undefined;
}

/** How a measure is computed per id key (`partials`) and then over the id keys of one group (`total`). */
function foldedMeasure(m: Measure, i: number, value: string): { partials: Sql[]; total: string } {
  const p = `p${String(i)}`;
  if (m.agg === 'count') return { partials: [{ sql: `COUNT(*) AS ${p}`, params: [] }], total: `SUM(${p})` };
  if (m.agg === 'avg') {
    const q = `q${String(i)}`;
    return {
      partials: [
        { sql: `SUM(${value}) AS ${p}`, params: [] },
        { sql: `COUNT(${value}) AS ${q}`, params: [] },
      ],
      total: `(CASE WHEN SUM(${q}) > 0 THEN CAST(SUM(${p}) AS REAL) / SUM(${q}) END)`,
    };
  }
  const agg = m.agg.toUpperCase();
  return { partials: [{ sql: `${agg}(${value}) AS ${p}`, params: [] }], total: `${agg}(${p})` };
}

/**
 * The aggregate of `groupsByIdKey`, grouped by the id key `k` as the list index spells it, in the index's order and
 * from the index alone; the groups of the id keys that one aggregate group gathers (blank text, the order tag of
 * every other non-list value: the NULL group) are then added up over those few grouped rows. A list and the text
 * `'['` share the id key `'['`: those rows (few: a list is invalid data) are grouped apart by the group key itself.
 */
function idKeyAggregate(
  rows: Sql,
  multiKey: boolean,
  key: string,
  groupKey: Sql,
  measures: readonly Measure[],
  value: string,
): Sql {
  const partials = (v: string): Sql =>
    join(
      measures.flatMap((m, i) => foldedMeasure(m, i, v).partials),
      ', ',
    );
  const sentinel = `'${LIST_SENTINEL}'`;
  // The '[' group is left out once grouped: `COUNT(*) < 0` (never true) keeps SQLite from moving the test into the
  // WHERE clause, where it would run for every row (~15 ms per million).
  const keep = `HAVING (k <> ${sentinel} OR COUNT(*) < 0)`;
  const byIdKey = multiKey
    ? sql`SELECT k, ${partials('v')} FROM (SELECT ${key} AS k, ${value} AS v ${rows} LIMIT -1) GROUP BY k ${keep}`
    : sql`SELECT ${key} AS k, ${partials(value)} ${rows} GROUP BY k ${keep}`;
  const ofLists = sql`SELECT ${groupKey} AS k, ${partials(value)} ${rows} AND ${key} = ${sentinel} GROUP BY k`;
  const totals = measures.map((m, i) => `${foldedMeasure(m, i, value).total} AS m${String(i)}`).join(', ');
  return sql`SELECT ${groupKeyOfIdKey('k')} AS g0, ${totals} FROM (${byIdKey} UNION ALL ${ofLists}) GROUP BY g0 ORDER BY g0`;
}

/**
 * `SELECT g0, g1, m0, … FROM records r WHERE <scope and filter> GROUP BY g0, g1 ORDER BY g0, g1`: 0–2 group keys
 * (single-valued fields, or a day/week/month bucket of a date or date-time in ctx.timezone) and 1–10 measures over
 * number fields. A `count` with a field counts records where it is present and not null.
 *
 * The keys and measured values are index-keys.ts's, so an IndexManager index on (group keys, values) answers it from
 * the index in group order. When a prefilter is an IN over several keys (a row filter `owner isCurrentMember` is one:
 * the member's id or a list), no index gives group order and SQLite would sort whole rows: the rows' keys and values
 * are then selected in a sub-query first (kept apart by `LIMIT -1`) and only those are grouped.
 *
 * One group key on a single-valued id field with measures of one number field (groupsByIdKey) is grouped by the id
 * key the list index of `aggregateListOrder` holds, and folded into the same groups (idKeyAggregate): the
 * IndexManager then plans no index of its own for it when that list index exists.
 */
export function buildAggregateQuery(
  input: AggregateQueryInput,
  form: FormDef,
  registry: FieldRegistry,
  ctx: FilterContext,
  options: CompileFilterOptions = {},
): Sql {
  if (input.groupBy.length > 2) throw new QueryError('INVALID_AGGREGATE', 'at most 2 group-by fields');
  if (input.measures.length < 1 || input.measures.length > 10)
    throw new QueryError('INVALID_AGGREGATE', '1 to 10 measures');
  const readable = options.readableFieldIds;
  const groups = input.groupBy.map((g) => groupKeySql(field(form, g.field, readable), g.bucket, ctx));
  const measures = input.measures.map((m) => measureOf(m, form, readable));
  const idKeyTag = aggregateOrderTag(input.groupBy, input.measures);
  const where = input.filter
    ? compileFilterWithNotes(input.filter, form, registry, ctx, { ...options, idKeyTag })
    : { ...TRUE_SQL, multiKeyPrefilter: false };
  const scoped = input.scope
    ? compileFilterWithNotes(input.scope, form, registry, input.scopeContext ?? ctx, {
        foldFunction: options.foldFunction,
        idKeyTag,
      })
    : { ...TRUE_SQL, multiKeyPrefilter: false };
  const rows = sql`FROM records r WHERE ${formRowsSql(input.workspaceId, input.formId)} AND ${scoped} AND ${where}`;
  const multiKey = where.multiKeyPrefilter || scoped.multiKeyPrefilter;
  const group = input.groupBy.length === 1 ? field(form, input.groupBy[0]!.field, readable) : undefined;
  const value = measures.find((m) => m.value !== undefined)?.value?.sql;
  if (group && value !== undefined && groupsByIdKey(group, input.groupBy, input.measures)) {
    return idKeyAggregate(rows, multiKey, idKeyOf(fieldRef(group.id), idKeyTag), groups[0]!, measures, value);
  }
  const names = groups.map((_, i) => `g${String(i)}`).join(', ');
  const tail = groups.length === 0 ? '' : ` GROUP BY ${names} ORDER BY ${names}`;
  if (!multiKey) {
    const columns = [
      ...groups.map((g, i) => sql`${g} AS g${String(i)}`),
      ...measures.map((m, i) => sql`${aggregateSql(m, m.value)} AS m${String(i)}`),
    ];
    return sql`SELECT ${join(columns, ', ')} ${rows}${tail}`;
  }
  const inner = [
    ...groups.map((g, i) => sql`${g} AS g${String(i)}`),
    ...measures.flatMap((m, i) => (m.value ? [sql`${m.value} AS v${String(i)}`] : [])),
  ];
  const outer = [
    ...groups.map((_, i) => `g${String(i)}`),
    ...measures.map((m, i) => sql`${aggregateSql(m, m.value && `v${String(i)}`)} AS m${String(i)}`),
  ];
  const innerColumns = inner.length > 0 ? join(inner, ', ') : { sql: '1 AS one', params: [] };
  return sql`SELECT ${join(
    outer.map((c) => (typeof c === 'string' ? { sql: c, params: [] } : c)),
    ', ',
  )} FROM (SELECT ${innerColumns} ${rows} LIMIT -1)${tail}`;
}
