import { fieldSettingsSchemas } from '@formflow/schema';
import { parseJsonText } from '../values/parse-json-text.js';
import type { JsonSchema, JsonValue } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { PRESENCE_OPERATORS } from './support/operators.js';
import { numberSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

const isRow = (v: JsonValue) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v['id'] === 'string';

/**
 * 子表单. Value: rows `{ id, [columnFieldId]: value }[]`, at most `maxRows` (default 200). Columns are validated by
 * the record validator with the column types; this schema only checks the row envelope. Parse accepts the JSON of
 * rows (imports usually fill sub-tables from a second sheet instead). Format: `3 行` / `3 rows`.
 */
export const subtableField: FieldTypeDef = {
  type: 'subtable',
  storage: 'json',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.subtable,
  valueSchema(field) {
    const schema: JsonSchema = {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string', minLength: 1, maxLength: 128, cleanText: true } },
        required: ['id'],
      },
      maxItems: numberSetting(field, 'maxRows') ?? 200,
    };
    const minRows = numberSetting(field, 'minRows');
    if (minRows !== undefined && minRows > 0) schema['minItems'] = minRows;
    return schema;
  },
  defaultValue: staticDefault,
  parse(text) {
    const t = text.trim();
    if (t === '') return { ok: true, value: null };
    const data = parseJsonText(t);
    if (!Array.isArray(data) || !data.every(isRow)) {
      return { ok: false, code: 'INVALID_ROWS', message: 'sub-table text must be a JSON array of rows with ids' };
    }
    return { ok: true, value: data };
  },
  format: (value, _field, ctx) =>
    Array.isArray(value) ? (ctx.locale === 'en' ? `${value.length} rows` : `${value.length} 行`) : '',
  sortKey: (value) => (Array.isArray(value) ? value.length : null),
  operators: PRESENCE_OPERATORS,
};
