import type { Rule } from '@formflow/schema';
import { parseDateOnly } from '../operators/date-value.js';
import { isRefusal, refuse } from './sql-expr.js';
import type { SqlContext, SqlExpr, SqlRefusal, SqlTranslator } from './sql-types.js';

/** A date-only operand: a `date` field, or a literal (e.g. `$today`) that is a valid `YYYY-MM-DD`. */
function dateOperand(rule: Rule, ctx: SqlContext): SqlExpr | SqlRefusal {
  const e = ctx.translate(rule);
  if (isRefusal(e)) return e;
  if (e.literal) return parseDateOnly(e.literal.value) === null ? refuse('not a YYYY-MM-DD date') : e;
  return e.kind === 'date' ? e : refuse(`date arithmetic on a ${e.kind} value is not translated`);
}

/** date_diff [a, b, day|week] and days_between [a, b]: whole days via julianday, truncated toward zero. */
export const sqlDateDiff: SqlTranslator = (args, ctx) => {
  const unit = args.length === 2 ? 'day' : args[2];
  if (unit !== 'day' && unit !== 'week') return refuse('date_diff in months or years is not translated');
  const a = dateOperand(args[0] as Rule, ctx);
  if (isRefusal(a)) return a;
  const b = dateOperand(args[1] as Rule, ctx);
  if (isRefusal(b)) return b;
  const days = `julianday(${b.sql}) - julianday(${a.sql})`;
  const sql = unit === 'day' ? `CAST(${days} AS INTEGER)` : `CAST((${days}) / 7 AS INTEGER)`;
  return { sql, params: [...b.params, ...a.params], kind: 'number', nulls: 'null' };
};

/** date_add [date, n, day|week] with a literal integer n, as `date(x, '+n days')` (the modifier is a parameter). */
export const sqlDateAdd: SqlTranslator = (args, ctx) => {
  const [, n, unit] = args;
  if (unit !== 'day' && unit !== 'week') return refuse('date_add in months or years is not translated');
  if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > 1_000_000)
    return refuse('date_add needs a literal integer');
  const a = dateOperand(args[0] as Rule, ctx);
  if (isRefusal(a)) return a;
  const days = unit === 'week' ? n * 7 : n;
  return {
    sql: `date(${a.sql}, ?)`,
    params: [...a.params, `${days >= 0 ? '+' : ''}${days} days`],
    kind: 'date',
    nulls: 'null',
  };
};
