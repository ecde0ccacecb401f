import { fieldSettingsSchemas } from '@formflow/schema';
import { parseDateTime } from '../parse/parse-date-time.js';
import type { FieldTypeDef } from './field-type.js';
import { formatInstant } from './support/format-instant.js';
import { DATE_OPERATORS } from './support/operators.js';
import { staticDefault } from './support/static-default.js';
import { INSTANT_VALUE_SCHEMA, withDateBounds } from './support/value-schemas.js';

/**
 * 日期时间. Value: UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`. Parse reads local times in `ctx.timezone`
 * (DST gap → `NONEXISTENT_LOCAL_TIME`; DST overlap → the earlier instant) or explicit offsets. Format shows
 * `ctx.timezone` wall time (`2025-03-01 14:30`, en `Mar 1, 2025, 2:30 PM`).
 */
/** Already the stored form (`2025-03-01T06:30:00.000Z`): normalize returns it untouched. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const datetimeField: FieldTypeDef = {
  type: 'datetime',
  storage: 'datetime',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.datetime,
  valueSchema: (field) => withDateBounds(INSTANT_VALUE_SCHEMA, field),
  defaultValue: staticDefault,
  parse: (text, _field, ctx) => (text.trim() === '' ? { ok: true, value: null } : parseDateTime(text, ctx.timezone)),
  format: (value, _field, ctx) => (typeof value === 'string' ? formatInstant(value, ctx) : ''),
  sortKey: (value) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null,
  operators: DATE_OPERATORS,
  normalize: (value) =>
    typeof value !== 'string' || CANONICAL_INSTANT.test(value) || Number.isNaN(Date.parse(value))
      ? value
      : new Date(value).toISOString(),
};
