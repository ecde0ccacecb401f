import type { FieldRegistry, FilterContext } from '@formflow/engine';
import type { FilterNode, FormDef, SortSpec } from '@formflow/schema';
import { compileFilterToSql, type CompileFilterOptions } from './compile-filter-to-sql.js';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor.js';
import { listOrderTag } from './index-keys.js';
import { QueryError } from './query-error.js';
import { formRowsSql, join, param, sql, TRUE_SQL, type Sql } from './sql-fragment.js';
import { sortKeysSql, type SortKeySql } from './sort-sql.js';

export type ListQueryInput = {
  workspaceId: string;
  formId: string;
  filter?: FilterNode;
  /**
   * The permission row filter (DESIGN §9), ANDed with `filter`. Trusted (it comes from the app's permission groups,
   * not the caller), so it may test fields the caller cannot read, such as the owner.
   */
  scope?: FilterNode;
  /** Clock, member and zone the scope is evaluated in (the workspace's, not the caller's); `ctx` when absent. */
  scopeContext?: FilterContext;
  sort?: readonly SortSpec[];
  limit: number;
  cursor?: string;
  /**
   * Rows to skip before the page (0–1,000,000), for a grid that jumps far down a list; exclusive with `cursor`.
   * The cost grows with the offset (SQLite walks the skipped rows of the index), so follow `cursorOf` when paging on.
   */
  offset?: number;
};

/** The largest `offset` a list query takes. */
export const MAX_LIST_OFFSET = 1_000_000;

/**
 * The list query. Rows have `id, data, version, created_at, updated_at` and `k0…kn` (the sort keys): pass a row to
 * `cursorOf` to get the cursor of the next page.
 */
export type ListQuery = Sql & { cursorOf: (row: Record<string, unknown>) => string };

/** Rows strictly after the cursor in the order `(k IS NULL), k asc|desc, …, r.id`: nulls last in both directions. */
function afterSql(keys: readonly SortKeySql[], values: readonly CursorKey[], id: string): Sql {
  const alternatives: Sql[] = [];
  const equalSoFar: Sql[] = [];
  keys.forEach(({ key, direction }, i) => {
    const v = values[i] ?? null;
    if (v !== null) {
      const cmp = direction === 'asc' ? '>' : '<';
      alternatives.push(join([...equalSoFar, sql`(${key} IS NULL OR ${key} ${cmp} ${param(v)})`], ' AND '));
      equalSoFar.push(sql`${key} = ${param(v)}`);
    } else equalSoFar.push(sql`${key} IS NULL`);
  });
  alternatives.push(join([...equalSoFar, sql`r.id > ${param(id)}`], ' AND '));
  return sql`(${join(
    alternatives.map((a) => sql`(${a})`),
    ' OR ',
  )})`;
}

/**
 * `SELECT … FROM records r` of one form in one workspace, not deleted, matching the filter (compileFilterToSql), in
 * the order of the engine's compileSort then `r.id`, one page of `limit` (1–500) rows after `cursor`. The workspace
 * and form ids are literals (formRowsLiteral) and the keys are index-keys.ts's, so the IndexManager's partial indexes
 * serve the prefilters and the ORDER BY and the page stops after `limit` rows.
 */
export function buildListQuery(
  input: ListQueryInput,
  form: FormDef,
  registry: FieldRegistry,
  ctx: FilterContext,
  options: CompileFilterOptions = {},
): ListQuery {
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > 500) {
    throw new QueryError('INVALID_LIMIT', 'limit must be an integer from 1 to 500');
  }
  const offset = input.offset;
  if (offset !== undefined) {
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_LIST_OFFSET) {
      throw new QueryError('INVALID_OFFSET', `offset must be an integer from 0 to ${String(MAX_LIST_OFFSET)}`);
    }
    if (input.cursor !== undefined) throw new QueryError('INVALID_OFFSET', 'offset and cursor cannot be combined');
  }
  const idKeyTag = listOrderTag(input.sort ?? []);
  const where = input.filter
    ? compileFilterToSql(input.filter, form, registry, ctx, { ...options, idKeyTag })
    : TRUE_SQL;
  const scoped = input.scope
    ? compileFilterToSql(input.scope, form, registry, input.scopeContext ?? ctx, {
        foldFunction: options.foldFunction,
        idKeyTag,
      })
    : TRUE_SQL;
  const keys = sortKeysSql(input.sort ?? [], form, registry, options.readableFieldIds);
  const scope = JSON.stringify([input.workspaceId, input.formId, input.sort ?? []]);
  const after =
    input.cursor === undefined
      ? TRUE_SQL
      : (() => {
          const position = decodeCursor(scope, input.cursor, keys.length);
          return afterSql(keys, position.keys, position.id);
        })();
  const columns = keys.map((k, i) => sql`, ${k.key} AS k${String(i)}`);
  const order = keys.map((k) => sql`(${k.key} IS NULL), ${k.key} ${k.direction === 'asc' ? 'ASC' : 'DESC'}, `);
  const query = sql`SELECT r.id, r.data, r.version, r.created_at, r.updated_at${join(columns, '')} FROM records r WHERE ${formRowsSql(input.workspaceId, input.formId)} AND ${scoped} AND ${where} AND ${after} ORDER BY ${join(order, '')}r.id ASC LIMIT ${param(input.limit)}${offset ? sql` OFFSET ${param(offset)}` : ''}`;
  const cursorOf = (row: Record<string, unknown>): string => {
    const values = keys.map((_, i) => row[`k${String(i)}`] as CursorKey);
    return encodeCursor(scope, { keys: values.map((v) => (v === undefined ? null : v)), id: String(row['id']) });
  };
  return { ...query, cursorOf };
}
