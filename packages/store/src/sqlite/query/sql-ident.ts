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
