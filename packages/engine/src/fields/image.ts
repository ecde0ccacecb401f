import { fieldSettingsSchemas } from '@formflow/schema';
import { attachmentField, fileListSchema } from './attachment.js';
import type { FieldTypeDef } from './field-type.js';

/** 图片. Value: file refs `{ id, name, size, mime }[]` of images. Format: names joined. */
export const imageField: FieldTypeDef = {
  ...attachmentField,
  type: 'image',
  settingsSchema: fieldSettingsSchemas.image,
  valueSchema: fileListSchema,
};
