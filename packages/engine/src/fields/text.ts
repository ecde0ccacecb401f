import { TEXT_DEFAULT_MAX_LENGTH } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { createTextField } from './support/text-field.js';

/** 单行文本. Value: NFC string, at most `maxLength` graphemes (default 200), optional `pattern`. Import text is trimmed. */
export const textField: FieldTypeDef = createTextField('text', TEXT_DEFAULT_MAX_LENGTH);
