import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldType } from '@formflow/schema';
import type { FieldTypeDef } from '../field-type.js';
import { NO_OPERATORS } from './operators.js';
import { NO_VALUE_SCHEMA } from './value-schemas.js';

/** A layout-only type: holds no value (any value is invalid), parse yields null, format '', no filter operators. */
export function createLayoutField(type: Extract<FieldType, 'section' | 'description'>): FieldTypeDef {
  return {
    type,
    storage: 'none',
    source: 'none',
    settingsSchema: fieldSettingsSchemas[type],
    valueSchema: () => NO_VALUE_SCHEMA,
    defaultValue: () => null,
    parse: () => ({ ok: true, value: null }),
    format: () => '',
    sortKey: () => null,
    operators: NO_OPERATORS,
  };
}
