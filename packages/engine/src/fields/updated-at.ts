import { fieldSettingsSchemas } from '@formflow/schema';
import { datetimeField } from './datetime.js';
import type { FieldTypeDef } from './field-type.js';

/** 更新时间 (system). Value: UTC instant set by the server on every write; parse/format as `datetime`. */
export const updatedAtField: FieldTypeDef = {
  ...datetimeField,
  type: 'updatedAt',
  source: 'system',
  settingsSchema: fieldSettingsSchemas.updatedAt,
};
