import { fieldSettingsSchemas } from '@formflow/schema';
import { parseDate } from '../parse/parse-date.js';
import type { FieldTypeDef } from './field-type.js';
import { formatDateValue } from './support/format-date-value.js';
import { DATE_OPERATORS } from './support/operators.js';
import { staticDefault } from './support/static-default.js';
import { DATE_VALUE_SCHEMA, withDateBounds } from './support/value-schemas.js';

/**
 * 日期. Value: `YYYY-MM-DD` (years 0001–9999), a calendar date with no zone: never shifted by the viewer's or
 * server's zone (RELIABILITY L2). Parse: see `parseDate` (`2025/3/1`, `2025年3月1日`, `20250301`, Excel serials).
 * `settings.min`/`max` bound the value (inclusive), compared as dates by the value schema.
 */
export const dateField: FieldTypeDef = {
  type: 'date',
  storage: 'text',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.date,
  valueSchema: (field) => withDateBounds(DATE_VALUE_SCHEMA, field),
  defaultValue: staticDefault,
  parse: (text) => (text.trim() === '' ? { ok: true, value: null } : parseDate(text)),
  format: (value, _field, ctx) => (typeof value === 'string' ? formatDateValue(value, ctx.locale) : ''),
  sortKey: (value) => (typeof value === 'string' && value !== '' ? value : null),
  operators: DATE_OPERATORS,
};
