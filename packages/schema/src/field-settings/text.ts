import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { countSchema, inputHintProperties, localizedTextSchema, settingsObject } from './common.js';

/** Hard cap of any text value, in graphemes (RELIABILITY K2). */
export const TEXT_HARD_MAX_LENGTH = 100000;
export const TEXT_DEFAULT_MAX_LENGTH = 200;
export const TEXTAREA_DEFAULT_MAX_LENGTH = 10000;

/** Settings of `text` and `textarea`. Lengths count graphemes; `pattern` is an ECMAScript (u-flag) regex. */
export type TextSettings = {
  pattern?: string;
  /** Message shown when `pattern` does not match. */
  patternMessage?: LocalizedText;
  minLength?: number;
  /** Default 200 for text, 10000 for textarea; at most 100000. */
  maxLength?: number;
  placeholder?: LocalizedText;
};

/** Properties shared by text and textarea settings. */
export const textProperties = (defaultMax: number): { [key: string]: JsonSchema } => ({
  ...inputHintProperties,
  pattern: { type: 'string', minLength: 1, maxLength: 500 },
  patternMessage: localizedTextSchema,
  minLength: countSchema(TEXT_HARD_MAX_LENGTH),
  maxLength: { type: 'integer', minimum: 1, maximum: TEXT_HARD_MAX_LENGTH, default: defaultMax },
});

export const textSettingsSchema: JsonSchema = settingsObject(textProperties(TEXT_DEFAULT_MAX_LENGTH));
