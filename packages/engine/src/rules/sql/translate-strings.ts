import type { Rule } from '@formflow/schema';
import { foldText } from '../../text/index.js';
import { isRefusal, isStringKind, predicate, refuse } from './sql-expr.js';
import type { SqlTranslator } from './sql-types.js';

/** `contains` over the store's folded shadow column, with the needle folded in JS (same foldText). */
export const sqlContains: SqlTranslator = (args, ctx) => {
  const hay = ctx.translate(args[0] as Rule);
  if (isRefusal(hay)) return hay;
  const needle = ctx.translate(args[1] as Rule);
  if (isRefusal(needle)) return needle;
  if (!hay.path || hay.kind !== 'string') return refuse('contains needs a text field');
  if (!needle.literal || typeof needle.literal.value !== 'string') return refuse('contains needs a literal text');
  const folded = ctx.target.foldedColumn?.(hay.path) ?? null;
  if (folded === null) return refuse(`no folded column for "${hay.path}"`);
  return predicate(`COALESCE(instr(${folded}, ?) > 0, 0)`, [foldText(needle.literal.value)]);
};

/** is_empty / is_not_empty: null, missing, '' and [] are empty. */
export function sqlIsEmpty(negate: boolean): SqlTranslator {
  return (args, ctx) => {
    const e = ctx.translate(args[0] as Rule);
    if (isRefusal(e)) return e;
    let sql: string;
    let params = e.params;
    if (isStringKind(e)) {
      sql = `(${e.sql} IS NULL OR ${e.sql} = '')`;
      params = [...e.params, ...e.params];
    } else if (e.kind === 'array') {
      sql = `(${e.sql} IS NULL OR json_array_length(${e.sql}) = 0)`;
      params = [...e.params, ...e.params];
    } else if ((e.kind === 'number' || e.kind === 'boolean') && e.nulls !== 'nan') sql = `(${e.sql} IS NULL)`;
    else return refuse(`is_empty of a ${e.kind} value is not translated`);
    return predicate(negate ? `(NOT ${sql})` : sql, params);
  };
}
