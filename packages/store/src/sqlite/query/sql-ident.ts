import { QueryError } from './query-error.js';

/** The only shape of field (and form) id that may ever reach SQL text. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A JSON path literal `'$."id"'` for a validated id; anything else is refused before SQL is built (RELIABILITY I1). */
export function jsonPath(id: string): string {
  if (!ID_PATTERN.test(id))
    throw new QueryError('INVALID_FIELD_ID', `field id ${JSON.stringify(id)} is not a valid id`);
  return `'$."${id}"'`;
}

/** A form id as a SQL string literal, for index definitions only (SQLite allows no parameters there). */
export function formIdLiteral(formId: string): string {
  if (!ID_PATTERN.test(formId)) {
    throw new QueryError('INVALID_FORM_ID', `form id ${JSON.stringify(formId)} is not a valid id`);
  }
  return `'${formId}'`;
}

/** Ids that may be written as SQL string literals (uuids, definition ids): no quote, no backslash, no space. */
const LITERAL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * `<t>workspace_id = '<ws>' AND <t>form_id = '<form>' AND <t>deleted_at IS NULL`: the live rows of one form, with the
 * ids as literals so that a partial index with this same WHERE (IndexManager) is provably usable. `table` is the
 * alias (`r`) or '' for an index definition. Undefined when an id is not of a literal-safe shape.
 */
export function formRowsLiteral(workspaceId: string, formId: string, table: string): string | undefined {
  if (!LITERAL_ID.test(workspaceId) || !ID_PATTERN.test(formId)) return undefined;
  const t = table === '' ? '' : `${table}.`;
  return `${t}workspace_id = '${workspaceId}' AND ${t}form_id = '${formId}' AND ${t}deleted_at IS NULL`;
}
