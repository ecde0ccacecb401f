import type { FieldType } from '@formflow/schema';
import { fieldSettingsSchemas } from '@formflow/schema';
import { foldText } from '../../text/index.js';
import type { FieldTypeDef } from '../field-type.js';
import { TEXT_OPERATORS } from './operators.js';
import { staticDefault } from './static-default.js';
import { checkText, textValueSchema } from './text-value.js';

/** Builds the `text` / `textarea` type: NFC string, `maxLength` graphemes (default `defaultMax`), optional pattern. */
export function createTextField(type: Extract<FieldType, 'text' | 'textarea'>, defaultMax: number): FieldTypeDef {
  return {
    type,
    storage: 'text',
    source: 'user',
    settingsSchema: fieldSettingsSchemas[type],
    valueSchema: (field) => textValueSchema(field, defaultMax),
    defaultValue: staticDefault,
    parse(text, field) {
      const trimmed = type === 'text' ? text.trim() : text.replace(/^\s*\n|\s+$/g, '');
      if (trimmed.trim() === '') return { ok: true, value: null };
      return checkText(trimmed, field, defaultMax);
    },
    format: (value) => (typeof value === 'string' ? value : ''),
    sortKey: (value) => (typeof value === 'string' && value !== '' ? foldText(value) : null),
    operators: TEXT_OPERATORS,
  };
}
