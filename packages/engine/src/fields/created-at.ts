import { fieldSettingsSchemas } from '@formflow/schema';
import { datetimeField } from './datetime.js';
import type { FieldTypeDef } from './field-type.js';

/** 创建时间 (system; 提交时间 in older Jiandaoyun wording). Value: UTC instant set by the server on create; parse/format as `datetime` (migrations). */
export const createdAtField: FieldTypeDef = {
  ...datetimeField,
  type: 'createdAt',
  source: 'system',
  settingsSchema: fieldSettingsSchemas.createdAt,
};
