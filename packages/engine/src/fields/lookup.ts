import { fieldSettingsSchemas } from '@formflow/schema';
import type { JsonValue } from '@formflow/schema';
import { foldText, normalizeText } from '../text/index.js';
import type { FieldTypeDef } from './field-type.js';
import { staticDefault } from './support/static-default.js';

function show(value: JsonValue): string {
  if (value === null) return '';
  if (Array.isArray(value))
    return value
      .map(show)
      .filter((s) => s !== '')
      .join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * 查询 (computed). Value: the value of `settings.field` in the record linked by `settings.relationField` (a list of
 * them when the relation is multiple), written by the server from the related record (the store keeps it in
 * step when that record changes). Its type is the looked-up field's, which lives in
 * another form, so the schema accepts any non-null JSON; the server checks it against the source field instead.
 */
export const lookupField: FieldTypeDef = {
  type: 'lookup',
  storage: 'json',
  source: 'computed',
  settingsSchema: fieldSettingsSchemas.lookup,
  valueSchema: () => ({
    anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array' }, { type: 'object' }],
  }),
  defaultValue: staticDefault,
  parse: (text) => {
    const t = normalizeText(text.trim());
    return { ok: true, value: t === '' ? null : t };
  },
  format: show,
  sortKey(value) {
    if (typeof value === 'number') return value;
    const text = show(value);
    return text === '' ? null : foldText(text);
  },
  operators: ['eq', 'neq', 'contains', 'notContains', 'isEmpty', 'isNotEmpty'],
};
