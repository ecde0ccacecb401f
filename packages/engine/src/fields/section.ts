import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { NO_OPERATORS } from './support/operators.js';
import { NO_VALUE_SCHEMA } from './support/value-schemas.js';

/** 分割线 (layout only): holds no value; any value is invalid, parse yields null, format ''. */
export const sectionField: FieldTypeDef = {
  type: 'section',
  storage: 'none',
  source: 'none',
  settingsSchema: fieldSettingsSchemas.section,
  valueSchema: () => NO_VALUE_SCHEMA,
  defaultValue: () => null,
  parse: () => ({ ok: true, value: null }),
  format: () => '',
  sortKey: () => null,
  operators: NO_OPERATORS,
};
