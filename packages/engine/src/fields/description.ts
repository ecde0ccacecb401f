import type { FieldTypeDef } from './field-type.js';
import { createLayoutField } from './support/layout-field.js';

/** 描述文字 (layout only): shows `settings.content` as plain text; holds no value. */
export const descriptionField: FieldTypeDef = createLayoutField('description');
