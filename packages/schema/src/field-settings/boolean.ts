import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { localizedTextSchema, settingsObject } from './common.js';

/** Settings of `boolean` (yes/no). Custom labels replace 是/否 (Yes/No) in display. */
export type BooleanSettings = {
  display?: 'switch' | 'checkbox';
  trueLabel?: LocalizedText;
  falseLabel?: LocalizedText;
};

export const booleanSettingsSchema: JsonSchema = settingsObject({
  display: { enum: ['switch', 'checkbox'] },
  trueLabel: localizedTextSchema,
  falseLabel: localizedTextSchema,
});
