import type { Rule } from '@formflow/schema';
import { isRefusal, isStringKind, nullAsZero, predicate, refuse } from './sql-expr.js';
import type { SqlContext, SqlExpr, SqlRefusal, SqlTranslator } from './sql-types.js';

function operands(args: readonly Rule[], ctx: SqlContext): SqlExpr[] | SqlRefusal {
  const out: SqlExpr[] = [];
  for (const arg of args) {
    const e = ctx.translate(arg);
    if (isRefusal(e)) return e;
    if (e.kind === 'predicate') return refuse('comparing the value of and/or/if is not translated');
    if (e.kind === 'unknown') return refuse(`the type of "${e.path ?? 'a value'}" is unknown`);
    out.push(e);
  }
  return out;
}

/**
 * `==`/`===` (and negations) when both sides have the same JS type, or one side is a null literal:
 * then loose and strict equality agree and SQL `IS` (null-safe) matches JS. NaN-valued sides use `=` (NaN ≠ all).
 */
export function sqlEquality(_kind: '==' | '===', negate: boolean): SqlTranslator {
  return (args, ctx) => {
    const xs = operands(args, ctx);
    if (isRefusal(xs)) return xs;
    const [a, b] = xs as [SqlExpr, SqlExpr];
    let sql: string;
    if (a.kind === 'null' || b.kind === 'null') {
      const other = a.kind === 'null' ? b : a;
      if (other.nulls === 'nan') return refuse('comparing a computed number with null');
      sql = other.kind === 'null' ? '1' : `(${other.sql} IS NULL)`;
      const params = other.kind === 'null' ? [] : other.params;
      return predicate(negate ? `(NOT ${sql})` : sql, params);
    }
    const same =
      (a.kind === 'number' && b.kind === 'number') || (isStringKind(a) && isStringKind(b)) || a.kind === b.kind;
    if (!same || a.kind === 'array')
      return refuse(`comparing ${a.kind} with ${b.kind} has JS coercions SQL does not have`);
    sql = a.nulls === 'nan' || b.nulls === 'nan' ? `COALESCE(${a.sql} = ${b.sql}, 0)` : `(${a.sql} IS ${b.sql})`;
    return predicate(negate ? `(NOT ${sql})` : sql, [...a.params, ...b.params]);
  };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** One relational comparison, as 0/1. */
function compareTwo(a: SqlExpr, b: SqlExpr, op: string): SqlExpr | SqlRefusal {
  if (a.kind === 'number' && b.kind === 'number') {
    // JS turns null into 0 for relational operators; NaN compares false (SQL NULL → COALESCE 0).
    return predicate(`COALESCE(${nullAsZero(a)} ${op} ${nullAsZero(b)}, 0)`, [...a.params, ...b.params]);
  }
  if (isStringKind(a) && isStringKind(b)) {
    const lit = a.literal ? a : b.literal ? b : null;
    const col = lit === a ? b : a;
    if (!lit) return refuse('ordering two text values that may be null');
    const text = lit.literal?.value as string;
    // A null compared with a non-numeric string is false in JS; numeric strings ('' and '5') would compare as numbers.
    if (!Number.isNaN(Number(text))) return refuse('ordering text against a numeric-looking string');
    // SQLite orders UTF-8 bytes (code points), JS UTF-16 units: they agree when one side is ASCII.
    if (!isAscii(text) && col.kind !== 'date') return refuse('ordering non-ASCII text');
    return predicate(`COALESCE(${col.sql} IS NOT NULL AND ${a.sql} ${op} ${b.sql}, 0)`, [
      ...col.params,
      ...a.params,
      ...b.params,
    ]);
  }
  return refuse(`ordering ${a.kind} against ${b.kind} has JS coercions SQL does not have`);
}

/** `<`, `<=`, `>`, `>=`; the 3-argument forms are `a op b AND b op c`. */
export function sqlOrdering(op: '<' | '<=' | '>' | '>='): SqlTranslator {
  return (args, ctx) => {
    const xs = operands(args, ctx);
    if (isRefusal(xs)) return xs;
    const first = compareTwo(xs[0] as SqlExpr, xs[1] as SqlExpr, op);
    if (isRefusal(first) || xs.length === 2) return first;
    const second = compareTwo(xs[1] as SqlExpr, xs[2] as SqlExpr, op);
    if (isRefusal(second)) return second;
    return predicate(`(${first.sql} AND ${second.sql})`, [...first.params, ...second.params]);
  };
}
