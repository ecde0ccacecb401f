import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { decimalsSchema, inputHintProperties, settingsObject } from './common.js';

/**
 * Settings of `percent`. The value is a ratio (12% is 0.12); `min`/`max` are ratios too;
 * `decimals` counts decimals of the percentage shown (1 → `12.5%`).
 */
export type PercentSettings = {
  min?: number;
  max?: number;
  decimals?: number;
  placeholder?: LocalizedText;
};

export const percentSettingsSchema: JsonSchema = settingsObject({
  ...inputHintProperties,
  min: { type: 'number' },
  max: { type: 'number' },
  decimals: decimalsSchema,
});
