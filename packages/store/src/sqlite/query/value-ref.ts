import { jsonPath } from './sql-ident.js';

/**
 * Where a value lives: `json_extract(doc, path)`. `doc` and `path` are SQL text built only from validated ids and
 * fixed aliases, never from user input. `folded` is SQL for foldText(value) when the value is text, or null when
 * there is no folded form available (a sub-table cell without the fold function).
 */
export type ValueRef = { doc: string; path: string; folded: string | null };

/** SQLite's name for the fold function registered by `registerQueryFunctions`. */
export const FOLD_SQL_FUNCTION = 'formflow_fold_text';

/**
 * A top-level field of the record aliased `table` (`r` in queries); `table` '' gives the unqualified columns that
 * index definitions use (IndexManager), so a query's key expressions and an index's columns are the same text but
 * for the alias, which is what SQLite needs to match ORDER BY terms and WHERE terms to indexed expressions.
 */
export function fieldRef(fieldId: string, table = 'r'): ValueRef {
  const path = jsonPath(fieldId);
  const column = (name: string): string => (table === '' ? name : `${table}.${name}`);
  return { doc: column('data'), path, folded: `json_extract(${column('search')}, ${path})` };
}

/** A cell of a sub-table row aliased `s` (a row of `json_each`); a row that is not an object has no cells. */
export function cellRef(columnId: string, foldFunction: boolean): ValueRef {
  const path = jsonPath(columnId);
  const doc = `(CASE s.type WHEN 'object' THEN s.value ELSE '{}' END)`;
  return { doc, path, folded: foldFunction ? `${FOLD_SQL_FUNCTION}(json_extract(${doc}, ${path}))` : null };
}

export const extractOf = (ref: ValueRef): string => `json_extract(${ref.doc}, ${ref.path})`;
export const typeOf = (ref: ValueRef): string => `json_type(${ref.doc}, ${ref.path})`;
