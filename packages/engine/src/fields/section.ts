import type { FieldTypeDef } from './field-type.js';
import { createLayoutField } from './support/layout-field.js';

/** 分割线 (layout only): a titled divider between groups of fields; holds no value. */
export const sectionField: FieldTypeDef = createLayoutField('section');
