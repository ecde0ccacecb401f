import type { Rule } from '@formflow/schema';
import { isRefusal, joinSql, predicate } from './sql-expr.js';
import type { SqlContext, SqlExpr, SqlRefusal, SqlTranslator } from './sql-types.js';

/** Translates every argument as a predicate, or returns the first refusal. */
function predicates(args: readonly Rule[], ctx: SqlContext): SqlExpr[] | SqlRefusal {
  const out: SqlExpr[] = [];
  for (const arg of args) {
    const p = ctx.predicate(arg);
    if (isRefusal(p)) return p;
    out.push(p);
  }
  return out;
}

// and/or return the deciding value in JS; as SQL they give its truthiness, which is all a filter needs.
// The result kind is `predicate`, so a value context (arithmetic, comparison) refuses it.
export const sqlAnd: SqlTranslator = (args, ctx) => {
  const parts = predicates(args, ctx);
  if (isRefusal(parts)) return parts;
  const { sql, params } = joinSql(parts, ' AND ');
  return predicate(`(${sql})`, params);
};

export const sqlOr: SqlTranslator = (args, ctx) => {
  const parts = predicates(args, ctx);
  if (isRefusal(parts)) return parts;
  const { sql, params } = joinSql(parts, ' OR ');
  return predicate(`(${sql})`, params);
};

export const sqlNot: SqlTranslator = (args, ctx) => {
  const p = ctx.predicate(args[0] as Rule);
  return isRefusal(p) ? p : predicate(`(NOT ${p.sql})`, p.params);
};

export const sqlTruthy: SqlTranslator = (args, ctx) => ctx.predicate(args[0] as Rule);

/** if/?: as a predicate: CASE over the conditions' truthiness, with the branches' truthiness; no else → false. */
export const sqlIf: SqlTranslator = (args, ctx) => {
  const parts = predicates(args, ctx);
  if (isRefusal(parts)) return parts;
  if (parts.length === 0) return predicate('0', []);
  if (parts.length === 1) return parts[0] as SqlExpr;
  let sql = 'CASE';
  const params = [];
  let i = 0;
  for (; i < parts.length - 1; i += 2) {
    const c = parts[i] as SqlExpr;
    const v = parts[i + 1] as SqlExpr;
    sql += ` WHEN ${c.sql} THEN ${v.sql}`;
    params.push(...c.params, ...v.params);
  }
  const last = i === parts.length - 1 ? (parts[i] as SqlExpr) : null;
  sql += last ? ` ELSE ${last.sql} END` : ' ELSE 0 END';
  if (last) params.push(...last.params);
  return predicate(sql, params);
};
