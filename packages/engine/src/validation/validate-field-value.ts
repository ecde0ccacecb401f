import { formatPath } from '@formflow/schema';
import type { JsonValue } from '@formflow/schema';
import { isEmptyValue } from '../values/is-empty-value.js';
import { ajvErrorToRecordError } from './ajv-error-to-record-error.js';
import type { FieldCheck } from './compile-field-check.js';
import { makeError } from './make-error.js';
import type { RecordError } from './record-error.js';

/**
 * Validates one non-empty value against its field (and, for a sub-table, each row's columns), pushing errors.
 * Returns the normalised value to store (type `normalize`, row ids filled in).
 */
export function validateFieldValue(
  check: FieldCheck,
  value: JsonValue,
  path: (string | number)[],
  errors: RecordError[],
  newId: () => string,
): JsonValue {
  if (check.columns && Array.isArray(value)) value = withRowIds(value, newId);
  if (!check.validate(value)) {
    errors.push(ajvErrorToRecordError(check.validate.errors![0]!, check.field, path));
    return value;
  }
  if (check.columns) return validateRows(check, value as Record<string, JsonValue>[], path, errors, newId);
  return check.normalize ? check.normalize(value) : value;
}

function validateRows(
  check: FieldCheck,
  rows: Record<string, JsonValue>[],
  path: (string | number)[],
  errors: RecordError[],
  newId: () => string,
): JsonValue {
  const columns = check.columns!;
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const rowId = row.id as string;
    if (seen.has(rowId)) errors.push(makeError('DUPLICATE_ITEMS', check.field, formatPath([...path, i, 'id'])));
    seen.add(rowId);
    const out: Record<string, JsonValue> = { id: rowId };
    for (const key of Object.keys(row)) {
      if (key === 'id') continue;
      const column = columns.get(key);
      // Deleted columns are unknown; read-only and system columns cannot be written; computed cells (formulas,
      // lookups) are dropped here and recomputed by the form's logic or the server.
      if (!column || column.field.deleted) {
        errors.push(makeError('UNKNOWN_PROPERTY', check.field, formatPath([...path, i, key]), { key }));
      } else if (!column.writable && column.type.source !== 'computed' && !isEmptyValue(row[key])) {
        errors.push(makeError('READONLY_FIELD', column.field, formatPath([...path, i, key])));
      }
    }
    for (const [id, column] of columns) {
      const cell = row[id];
      if (!column.writable) {
        if (column.type.source === 'computed' && cell !== undefined) out[id] = cell; // recomputed by the form's logic
        continue;
      }
      const cellPath = [...path, i, id];
      if (isEmptyValue(cell) && !(cell !== null && typeof cell === 'object' && !Array.isArray(cell))) {
        if (column.field.required) errors.push(makeError('REQUIRED', column.field, formatPath(cellPath)));
        if (cell !== undefined) out[id] = null;
        continue;
      }
      out[id] = validateFieldValue(column, cell!, cellPath, errors, newId);
    }
    return out;
  });
}

/** Rows that arrived without an id (an import, a new row typed in a form) get one before validation. */
function withRowIds(rows: JsonValue[], newId: () => string): JsonValue[] {
  return rows.map((row) =>
    row !== null && typeof row === 'object' && !Array.isArray(row) && (typeof row.id !== 'string' || row.id === '')
      ? { ...row, id: newId() }
      : row,
  );
}
