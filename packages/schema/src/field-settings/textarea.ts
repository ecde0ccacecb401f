import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';
import { TEXTAREA_DEFAULT_MAX_LENGTH, textProperties, type TextSettings } from './text.js';

/** Settings of `textarea`: as `text`, with `maxLength` default 10000 graphemes; `rows` is the editor height. */
export type TextareaSettings = TextSettings & { rows?: number };

export const textareaSettingsSchema: JsonSchema = settingsObject({
  ...textProperties(TEXTAREA_DEFAULT_MAX_LENGTH),
  rows: { type: 'integer', minimum: 1, maximum: 50 },
});
