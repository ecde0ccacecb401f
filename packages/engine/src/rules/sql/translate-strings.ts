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

/**
 * The characters JavaScript's String.prototype.trim removes, as a SQLite char() list: blank text is empty in SQL
 * exactly as in values/is-empty-value.ts (SQLite's trim() alone only removes spaces).
 */
const JS_WHITESPACE_SQL = `char(${[
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
].join(',')})`;

/** is_empty / is_not_empty: null, missing, '' and [] are empty. */
export function sqlIsEmpty(negate: boolean): SqlTranslator {
  return (args, ctx) => {
    const e = ctx.translate(args[0] as Rule);
    if (isRefusal(e)) return e;
    let sql: string;
    let params = e.params;
    if (isStringKind(e)) {
      sql = `(${e.sql} IS NULL OR trim(${e.sql}, ${JS_WHITESPACE_SQL}) = '')`;
      params = [...e.params, ...e.params];
    } else if (e.kind === 'array') {
      sql = `(${e.sql} IS NULL OR json_array_length(${e.sql}) = 0)`;
      params = [...e.params, ...e.params];
    } else if ((e.kind === 'number' || e.kind === 'boolean') && e.nulls !== 'nan') sql = `(${e.sql} IS NULL)`;
    else return refuse(`is_empty of a ${e.kind} value is not translated`);
    return predicate(negate ? `(NOT ${sql})` : sql, params);
  };
}
