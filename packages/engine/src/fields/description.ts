import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { NO_OPERATORS } from './support/operators.js';
import { NO_VALUE_SCHEMA } from './support/value-schemas.js';

/** 描述文字 (layout only): shows `settings.content` as plain text; holds no value. */
export const descriptionField: FieldTypeDef = {
  type: 'description',
  storage: 'none',
  source: 'none',
  settingsSchema: fieldSettingsSchemas.description,
  valueSchema: () => NO_VALUE_SCHEMA,
  defaultValue: () => null,
  parse: () => ({ ok: true, value: null }),
  format: () => '',
  sortKey: () => null,
  operators: NO_OPERATORS,
};
