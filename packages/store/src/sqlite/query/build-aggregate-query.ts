import type { FieldRegistry, FilterContext } from '@formflow/engine';
import type { FieldDef, FilterNode, FormDef } from '@formflow/schema';
import { groupKeySql, type Bucket } from './bucket-sql.js';
import { compileFilterToSql, type CompileFilterOptions } from './compile-filter-to-sql.js';
import { fieldKind } from '@formflow/engine';
import { QueryError } from './query-error.js';
import { join, param, sql, TRUE_SQL, type Sql } from './sql-fragment.js';
import { extractOf, fieldRef, typeOf } from './value-ref.js';

export type AggregateFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type GroupBySpec = { field: string; bucket?: Bucket };
export type MeasureSpec = { agg: AggregateFunction; field?: string };
export type AggregateQueryInput = {
  workspaceId: string;
  formId: string;
  filter?: FilterNode;
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

function measureSql(m: MeasureSpec, form: FormDef, readable: ReadonlySet<string> | undefined): Sql {
  if (!AGGS.has(m.agg)) throw new QueryError('INVALID_AGGREGATE', `unknown aggregate ${JSON.stringify(m.agg)}`);
  if (m.agg === 'count' && m.field === undefined) return { sql: 'COUNT(*)', params: [] };
  const f = field(form, m.field ?? '', readable);
  const ref = fieldRef(f.id);
  if (m.agg === 'count')
    return sql`COUNT(${{ sql: `CASE WHEN ${typeOf(ref)} IS NOT NULL AND ${typeOf(ref)} <> 'null' THEN 1 END`, params: [] }})`;
  if (fieldKind(f) !== 'number')
    throw new QueryError('INVALID_AGGREGATE', `${m.agg} needs a number field, not "${f.id}"`);
  const n = `(CASE WHEN ${typeOf(ref)} IN ('integer', 'real') THEN ${extractOf(ref)} END)`;
  return { sql: `${m.agg.toUpperCase()}(${n})`, params: [] };
}

/**
 * `SELECT g0, g1, m0, … FROM records r WHERE <scope and filter> GROUP BY g0, g1 ORDER BY g0, g1`: 0–2 group keys
 * (single-valued fields, or a day/week/month bucket of a date or date-time in ctx.timezone) and 1–10 measures over
 * number fields. A `count` with a field counts records where it is present and not null.
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
  const measures = input.measures.map((m) => measureSql(m, form, readable));
  const where = input.filter ? compileFilterToSql(input.filter, form, registry, ctx, options) : TRUE_SQL;
  const columns = [
    ...groups.map((g, i) => sql`${g} AS g${String(i)}`),
    ...measures.map((m, i) => sql`${m} AS m${String(i)}`),
  ];
  const names = groups.map((_, i) => `g${String(i)}`).join(', ');
  const tail = groups.length === 0 ? '' : ` GROUP BY ${names} ORDER BY ${names}`;
  return sql`SELECT ${join(columns, ', ')} FROM records r WHERE r.workspace_id = ${param(input.workspaceId)} AND r.form_id = ${param(input.formId)} AND r.deleted_at IS NULL AND ${where}${tail}`;
}
