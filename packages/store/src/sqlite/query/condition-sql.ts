import { RELATIVE_OPERATORS, SEARCH_OPERATORS, TRUE_ON_EMPTY, type FilterContext } from '@formflow/engine';
import type { FieldDef, FilterOperator } from '@formflow/schema';
import { datetimeSql, instantOf, withinSql } from './datetime-sql.js';
import { nonEmptySql } from './empty-sql.js';
import { fieldKind } from '@formflow/engine';
import { idSetSql } from './id-set-sql.js';
import { QueryError } from './query-error.js';
import { scalarSql } from './scalar-sql.js';
import { param, sql, type Sql } from './sql-fragment.js';
import { textSearchSql, type SearchOp } from './text-sql.js';
import { extractOf, typeOf, type ValueRef } from './value-ref.js';
import { addDays, relativeDayRange, zonedDayStart, type RelativeDateOperator } from '@formflow/engine';

export type ConditionOptions = { foldFunction: boolean };

function relativeSql(kind: string, ref: ValueRef, op: FilterOperator, operand: unknown, ctx: FilterContext): Sql {
  const { from, to } = relativeDayRange(op as RelativeDateOperator, Number(operand ?? 0), ctx.now, ctx.timezone);
  if (kind === 'date') {
    return sql`COALESCE(${typeOf(ref)} = 'text' AND ${extractOf(ref)} >= ${param(from)} AND ${extractOf(ref)} <= ${param(to)}, 0)`;
  }
  return withinSql(instantOf(ref), zonedDayStart(from, ctx.timezone), zonedDayStart(addDays(to, 1), ctx.timezone));
}

function positive(
  field: FieldDef,
  ref: ValueRef,
  op: FilterOperator,
  operand: unknown,
  ctx: FilterContext,
  o: ConditionOptions,
): Sql {
  const kind = fieldKind(field);
  if (RELATIVE_OPERATORS.has(op)) return relativeSql(kind, ref, op, operand, ctx);
  switch (kind) {
    case 'option':
    case 'options':
    case 'ref':
    case 'refs':
      return idSetSql(ref, op, operand, ctx);
    case 'datetime':
      return datetimeSql(ref, op, operand, ctx);
    default:
      if (!SEARCH_OPERATORS.has(op)) return scalarSql(kind, ref, op, operand);
      if (kind === 'structured' && !o.foldFunction) {
        throw new QueryError(
          'NOT_TRANSLATABLE',
          `text search in ${field.type} field "${field.id}" needs the fold function`,
        );
      }
      return textSearchSql(ref, (op === 'notContains' ? 'contains' : op) as SearchOp, operand, o.foldFunction);
  }
}

const HINTED: Partial<Record<FilterOperator, string>> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * A bare `json_extract(r.data, '$."f"') op ?` term that the positive test implies (number and date fields at the top
 * level), so that SQLite can use the field's expression index (indexPlan); the exact test still follows.
 */
function indexHint(field: FieldDef, ref: ValueRef, op: FilterOperator, operand: unknown): Sql | undefined {
  const kind = fieldKind(field);
  if (ref.doc !== 'r.data' || (kind !== 'number' && kind !== 'date')) return undefined;
  const x = extractOf(ref);
  if (op === 'between') {
    const [lo, hi] = operand as [string | number, string | number];
    return sql`${x} BETWEEN ${param(lo)} AND ${param(hi)}`;
  }
  const cmp = HINTED[op];
  return cmp === undefined ? undefined : sql`${x} ${cmp} ${param(operand as string | number)}`;
}

/**
 * One condition on one value, as 0/1 SQL: isEmpty / isNotEmpty test emptiness; the negations in TRUE_ON_EMPTY are
 * `empty OR NOT positive` (never `NOT (x = ?)`, which is NULL on a missing value); the rest `non-empty AND positive`.
 */
export function conditionSql(
  field: FieldDef,
  ref: ValueRef,
  op: FilterOperator,
  operand: unknown,
  ctx: FilterContext,
  o: ConditionOptions,
): Sql {
  const nonEmpty = nonEmptySql(ref);
  if (op === 'isEmpty') return { sql: `(NOT ${nonEmpty})`, params: [] };
  if (op === 'isNotEmpty') return { sql: nonEmpty, params: [] };
  const test = positive(field, ref, op, operand, ctx, o);
  if (TRUE_ON_EMPTY.has(op)) return sql`(NOT ${nonEmpty} OR NOT ${test})`;
  const hint = indexHint(field, ref, op, operand);
  return hint ? sql`(${hint} AND ${nonEmpty} AND ${test})` : sql`(${nonEmpty} AND ${test})`;
}
