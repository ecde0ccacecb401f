import type { Rule } from '@formflow/schema';
import { isRefusal, nullAsZero, refuse } from './sql-expr.js';
import type { SqlContext, SqlExpr, SqlRefusal, SqlTranslator } from './sql-types.js';

function numbers(args: readonly Rule[], ctx: SqlContext): SqlExpr[] | SqlRefusal {
  const out: SqlExpr[] = [];
  for (const arg of args) {
    const e = ctx.translate(arg);
    if (isRefusal(e)) return e;
    if (e.kind !== 'number') return refuse(`arithmetic on a ${e.kind} value is not translated`);
    out.push(e);
  }
  return out;
}

function numberExpr(sql: string, parts: readonly SqlExpr[], nulls: SqlExpr['nulls']): SqlExpr {
  return { sql, params: parts.flatMap((p) => p.params), kind: 'number', nulls };
}

/** Any operand that may be null or NaN makes the result NaN (parseFloat(null) is NaN); SQL NULL propagates the same. */
function parsedNulls(parts: readonly SqlExpr[]): SqlExpr['nulls'] {
  return parts.some((p) => p.nulls !== 'never') ? 'nan' : 'never';
}

/** Where JS turns null into 0 (`-`, `/`, min, max), only NaN operands give NaN. */
function coercedNulls(parts: readonly SqlExpr[]): SqlExpr['nulls'] {
  return parts.some((p) => p.nulls === 'nan') ? 'nan' : 'never';
}

export const sqlAdd: SqlTranslator = (args, ctx) => {
  const xs = numbers(args, ctx);
  if (isRefusal(xs)) return xs;
  return numberExpr(`(${xs.map((x) => x.sql).join(' + ')})`, xs, parsedNulls(xs));
};

export const sqlMultiply: SqlTranslator = (args, ctx) => {
  // One argument is returned unparsed by json-logic-js.
  if (args.length === 1) return ctx.translate(args[0] as Rule);
  const xs = numbers(args, ctx);
  if (isRefusal(xs)) return xs;
  return numberExpr(`(${xs.map((x) => x.sql).join(' * ')})`, xs, parsedNulls(xs));
};

export const sqlSubtract: SqlTranslator = (args, ctx) => {
  const xs = numbers(args, ctx);
  if (isRefusal(xs)) return xs;
  const sql = xs.length === 1 ? `(-${nullAsZero(xs[0] as SqlExpr)})` : `(${xs.map(nullAsZero).join(' - ')})`;
  return numberExpr(sql, xs, coercedNulls(xs));
};

/** Division only by a non-zero literal: JS gives ±Infinity for x/0, SQLite NULL. Forced to REAL (SQLite 7/2 is 3). */
export const sqlDivide: SqlTranslator = (args, ctx) => {
  const xs = numbers(args, ctx);
  if (isRefusal(xs)) return xs;
  const [a, b] = xs as [SqlExpr, SqlExpr];
  if (!b.literal || b.literal.value === 0) return refuse('division by a value that is not a non-zero literal');
  return numberExpr(`(CAST(${nullAsZero(a)} AS REAL) / ${b.sql})`, xs, coercedNulls(xs));
};

export function sqlMinMax(fn: 'min' | 'max'): SqlTranslator {
  return (args, ctx) => {
    const xs = numbers(args, ctx);
    if (isRefusal(xs)) return xs;
    const parts = xs.map(nullAsZero);
    // SQLite's one-argument min/max is an aggregate, so one argument is the value itself.
    const sql = parts.length === 1 ? (parts[0] as string) : `${fn}(${parts.join(', ')})`;
    return numberExpr(sql, xs, coercedNulls(xs));
  };
}
