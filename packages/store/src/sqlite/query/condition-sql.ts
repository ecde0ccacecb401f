import { RELATIVE_OPERATORS, SEARCH_OPERATORS, TRUE_ON_EMPTY, type FilterContext } from '@formflow/engine';
import type { FieldDef, FilterOperator } from '@formflow/schema';
import { datetimeSql, instantOf, withinSql } from './datetime-sql.js';
import { nonEmptySql } from './empty-sql.js';
import { fieldKind } from '@formflow/engine';
import { idSetSql } from './id-set-sql.js';
import { QueryError } from './query-error.js';
import { scalarSql } from './scalar-sql.js';
import { prefilterOf } from './prefilter-sql.js';
import { param, sql, type Sql } from './sql-fragment.js';
import { textSearchSql, type SearchOp } from './text-sql.js';
import { extractOf, typeOf, type ValueRef } from './value-ref.js';
import { addDays, relativeDayRange, zonedDayStart, type RelativeDateOperator } from '@formflow/engine';

export type ConditionOptions = {
  foldFunction: boolean;
  /** Set when a prefilter is an IN over several keys (see Prefilter.candidates). */
  notes?: { multiKeyPrefilter: boolean };
  /** The order tag of id keys (index-keys.ts idKeyOf); 0 by default. */
  idKeyTag?: number;
};

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

/**
 * One condition on one value, as 0/1 SQL: isEmpty / isNotEmpty test emptiness; the negations in TRUE_ON_EMPTY are
 * `empty OR NOT positive` (never `NOT (x = ?)`, which is NULL on a missing value); the rest `non-empty AND positive`,
 * behind the condition's prefilter when it has one (prefilter-sql.ts): `(P AND non-empty AND positive)`, or
 * `(P AND (S OR (non-empty AND positive)))` when S implies the exact test. P is a top-level AND term SQLite can seek
 * an index with; the value stays exactly the exact test's, 0 or 1.
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
  const exact = sql`(${nonEmpty} AND ${test})`;
  const pre = prefilterOf(field, ref, op, operand, ctx, o.idKeyTag ?? 0);
  if (!pre) return exact;
  if (pre.candidates > 1 && o.notes) o.notes.multiKeyPrefilter = true;
  return pre.sufficient ? sql`(${pre.test} AND (${pre.sufficient} OR ${exact}))` : sql`(${pre.test} AND ${exact})`;
}
