import { TEXTAREA_DEFAULT_MAX_LENGTH } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { createTextField } from './support/text-field.js';

/** 多行文本. Value: NFC string with line breaks, at most `maxLength` graphemes (default 10000). */
export const textareaField: FieldTypeDef = createTextField('textarea', TEXTAREA_DEFAULT_MAX_LENGTH);
