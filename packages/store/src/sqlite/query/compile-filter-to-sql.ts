import { checkFilter, FilterError, type FieldRegistry, type FilterContext } from '@formflow/engine';
import type { FieldDef, FilterNode, FilterOperator, FormDef } from '@formflow/schema';
import { conditionSql, type ConditionOptions } from './condition-sql.js';
import { QueryError } from './query-error.js';
import { existsSql, FALSE_SQL, join, sql, TRUE_SQL, type Sql } from './sql-fragment.js';
import { jsonPath } from './sql-ident.js';
import { cellRef, fieldRef } from './value-ref.js';

export type CompileFilterOptions = {
  /** Fields the caller may read (RELIABILITY H2); all when absent. */
  readableFieldIds?: ReadonlySet<string>;
  /**
   * Whether the connection has the fold function (`registerQueryFunctions`). Without it, text conditions on sub-table
   * columns and text search in addresses are refused (QueryError NOT_TRANSLATABLE).
   */
  foldFunction?: boolean;
  /**
   * The order tag written into id keys (index-keys.ts idKeyOf): buildListQuery and buildAggregateQuery set it from
   * their sort or groups so their prefilters seek the index made for that order. 0 by default.
   */
  idKeyTag?: number;
};

function liveField(fields: unknown, id: string): FieldDef | undefined {
  if (!Array.isArray(fields)) return undefined;
  return (fields as FieldDef[]).find((f) => typeof f === 'object' && f !== null && f.id === id && f.deleted !== true);
}

function conditionNode(
  node: { field: string; op: FilterOperator; value?: unknown },
  form: FormDef,
  ctx: FilterContext,
  o: ConditionOptions,
): Sql {
  const dot = node.field.indexOf('.');
  if (dot < 0) {
    const field = liveField(form.fields, node.field);
    if (!field) throw new QueryError('INVALID_FIELD_ID', `unknown field ${JSON.stringify(node.field)}`);
    return conditionSql(field, fieldRef(field.id), node.op, node.value, ctx, o);
  }
  const subtable = liveField(form.fields, node.field.slice(0, dot));
  const column = liveField(subtable?.settings?.['fields'], node.field.slice(dot + 1));
  if (!subtable || !column) throw new QueryError('INVALID_FIELD_ID', `unknown field ${JSON.stringify(node.field)}`);
  const path = jsonPath(subtable.id);
  const cell = conditionSql(column, cellRef(column.id, o.foldFunction), node.op, node.value, ctx, o);
  return sql`(json_type(r.data, ${path}) = 'array' AND ${existsSql(sql`SELECT 1 FROM json_each(r.data, ${path}) AS s WHERE ${cell}`)})`;
}

function nodeSql(node: FilterNode, form: FormDef, ctx: FilterContext, o: ConditionOptions): Sql {
  if ('and' in node) {
    return node.and.length === 0
      ? TRUE_SQL
      : sql`(${join(
          node.and.map((c) => nodeSql(c, form, ctx, o)),
          ' AND ',
        )})`;
  }
  if ('or' in node) {
    return node.or.length === 0
      ? FALSE_SQL
      : sql`(${join(
          node.or.map((c) => nodeSql(c, form, ctx, o)),
          ' OR ',
        )})`;
  }
  return conditionNode(node, form, ctx, o);
}

/**
 * Compiles a filter into a boolean SQL expression over `records r` that keeps exactly the records the engine's
 * `compileFilter(filter, form, registry)(data, ctx)` keeps. Runs `checkFilter` first and throws its `FilterError`.
 * Every value is a `?` parameter; SQL text contains only fixed SQL and JSON paths of validated field ids.
 */
export function compileFilterToSql(
  filter: FilterNode,
  form: FormDef,
  registry: FieldRegistry,
  ctx: FilterContext,
  options: CompileFilterOptions = {},
): Sql {
  const { sql: text, params } = compileFilterWithNotes(filter, form, registry, ctx, options);
  return { sql: text, params };
}

/** compileFilterToSql, telling whether some prefilter is an IN over several index keys (prefilter-sql.ts). */
export function compileFilterWithNotes(
  filter: FilterNode,
  form: FormDef,
  registry: FieldRegistry,
  ctx: FilterContext,
  options: CompileFilterOptions = {},
): Sql & { multiKeyPrefilter: boolean } {
  const problems = checkFilter(filter, form, registry, { readableFieldIds: options.readableFieldIds });
  if (problems.length > 0) throw new FilterError(problems);
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) throw new RangeError('invalid ctx.now');
  const notes = { multiKeyPrefilter: false };
  const compiled = nodeSql(filter, form, ctx, {
    foldFunction: options.foldFunction === true,
    notes,
    idKeyTag: options.idKeyTag ?? 0,
  });
  return { ...compiled, multiKeyPrefilter: notes.multiKeyPrefilter };
}
