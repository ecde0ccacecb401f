import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { decimalsSchema, inputHintProperties, localizedTextSchema, settingsObject } from './common.js';

/** Settings of `number`. `decimals` rounds on write; `thousands` groups digits on display. */
export type NumberSettings = {
  min?: number;
  max?: number;
  decimals?: number;
  unit?: LocalizedText;
  thousands?: boolean;
  placeholder?: LocalizedText;
};

export const numberSettingsSchema: JsonSchema = settingsObject({
  ...inputHintProperties,
  min: { type: 'number' },
  max: { type: 'number' },
  decimals: decimalsSchema,
  unit: localizedTextSchema,
  thousands: { type: 'boolean' },
});
