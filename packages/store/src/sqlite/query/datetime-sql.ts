import type { FilterContext } from '@formflow/engine';
import type { FilterOperator } from '@formflow/schema';
import { instantMsSql } from './instant-sql.js';
import { join, param, sql, type Sql } from './sql-fragment.js';
import { extractOf, typeOf, type ValueRef } from './value-ref.js';
import { addDays, zonedDayStart } from '@formflow/engine';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `[lo, hi)` in ms: an instant is a one-millisecond span; a date (already checked real) is that day in the zone. */
function span(operand: unknown, ctx: FilterContext): readonly [number, number] {
  if (typeof operand === 'string' && DATE_ONLY.test(operand)) {
    return [zonedDayStart(operand, ctx.timezone), zonedDayStart(addDays(operand, 1), ctx.timezone)];
  }
  const ms = Date.parse(operand as string);
  return [ms, ms + 1];
}

/** The parsed instant of a text value, or NULL (the value's ms never compares true then). */
export function instantOf(ref: ValueRef): string {
  return `(CASE WHEN ${typeOf(ref)} = 'text' THEN ${instantMsSql(extractOf(ref))} END)`;
}

/** Bounds `[lo, hi)` test, 0/1. */
export function withinSql(t: string, lo: number, hi: number): Sql {
  return sql`COALESCE(${t} >= ${param(lo)} AND ${t} < ${param(hi)}, 0)`;
}

/** The engine's compileDatetime with the day bounds of date operands computed here from ctx.timezone (L2). */
export function datetimeSql(ref: ValueRef, op: FilterOperator, operand: unknown, ctx: FilterContext): Sql {
  const t = instantOf(ref);
  if (op === 'in' || op === 'notIn') {
    const parts = (operand as unknown[]).map((o) => {
      const [lo, hi] = span(o, ctx);
      return withinSql(t, lo, hi);
    });
    return sql`(${join(parts, ' OR ')})`;
  }
  if (op === 'between') {
    const [min, max] = operand as [unknown, unknown];
    return withinSql(t, span(min, ctx)[0], span(max, ctx)[1]);
  }
  const [lo, hi] = span(operand, ctx);
  switch (op) {
    case 'eq':
    case 'neq':
      return withinSql(t, lo, hi);
    case 'gt':
      return sql`COALESCE(${t} >= ${param(hi)}, 0)`;
    case 'gte':
      return sql`COALESCE(${t} >= ${param(lo)}, 0)`;
    case 'lt':
      return sql`COALESCE(${t} < ${param(lo)}, 0)`;
    case 'lte':
      return sql`COALESCE(${t} < ${param(hi)}, 0)`;
    default:
      throw new Error(`datetimeSql: unexpected operator ${op}`);
  }
}
