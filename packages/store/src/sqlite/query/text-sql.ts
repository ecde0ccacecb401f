import { foldText } from '@formflow/engine';
import { QueryError } from './query-error.js';
import { FALSE_SQL, param, sql, type Sql } from './sql-fragment.js';
import { FOLD_SQL_FUNCTION, typeOf, type ValueRef } from './value-ref.js';

export type SearchOp = 'contains' | 'notContains' | 'startsWith' | 'endsWith';

/** A test of folded text `x` (SQL) against the folded needle; instr/substr count characters, as JS does code units. */
function test(op: SearchOp, x: string, needle: string): Sql {
  if (op === 'startsWith') return sql`(substr(${x}, 1, ${param([...needle].length)}) = ${param(needle)})`;
  if (op === 'endsWith') {
    const n = [...needle].length;
    return sql`(length(${x}) >= ${param(n)} AND substr(${x}, -${param(n)}) = ${param(needle)})`;
  }
  return sql`(instr(${x}, ${param(needle)}) > 0)`;
}

function foldSql(expr: string): string {
  return `${FOLD_SQL_FUNCTION}(${expr})`;
}

/**
 * The engine's compileTextSearch (positive form) on a non-empty value: text is searched folded (the shadow column for
 * a top-level field); an object or list is searched through its string parts up to two levels down (textsOf), which
 * needs the registered fold function. Without it, such values never match: stated in README.md, and refused
 * outright for address fields where this is the normal case.
 */
export function textSearchSql(ref: ValueRef, op: SearchOp, operand: unknown, foldFunction: boolean): Sql {
  if (ref.folded === null) throw new QueryError('NOT_TRANSLATABLE', 'text search here needs the fold function');
  const needle = foldText(operand as string);
  const onText = test(op, ref.folded, needle);
  const onParts = foldFunction
    ? sql`EXISTS (SELECT 1 FROM json_each(${ref.doc}, ${ref.path}) AS ta WHERE (ta.type = 'text' AND ${test(op, foldSql('ta.value'), needle)}) OR (ta.type IN ('array', 'object') AND EXISTS (SELECT 1 FROM json_each(ta.value) AS tb WHERE tb.type = 'text' AND ${test(op, foldSql('tb.value'), needle)})))`
    : FALSE_SQL;
  return sql`(CASE ${typeOf(ref)} WHEN 'text' THEN COALESCE(${onText}, 0) WHEN 'array' THEN ${onParts} WHEN 'object' THEN ${onParts} ELSE 0 END)`;
}
