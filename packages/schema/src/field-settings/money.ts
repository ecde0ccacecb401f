import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { decimalsSchema, inputHintProperties, settingsObject } from './common.js';

/** Settings of `money`. `currency` is an ISO 4217 code (default CNY); `decimals` default 2. */
export type MoneySettings = {
  currency?: string;
  min?: number;
  max?: number;
  decimals?: number;
  placeholder?: LocalizedText;
};

export const moneySettingsSchema: JsonSchema = settingsObject({
  ...inputHintProperties,
  currency: { type: 'string', pattern: '^[A-Z]{3}$', default: 'CNY' },
  min: { type: 'number' },
  max: { type: 'number' },
  decimals: { ...decimalsSchema, default: 2 },
});
