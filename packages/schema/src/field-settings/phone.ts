import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { inputHintProperties, settingsObject } from './common.js';

/** Settings of `phone`: accepted numbers (default `any`: Chinese mobile, landline, 400/800, `+<cc>` numbers). */
export type PhoneSettings = { kind?: 'mobile' | 'landline' | 'any'; placeholder?: LocalizedText };

export const phoneSettingsSchema: JsonSchema = settingsObject({
  ...inputHintProperties,
  kind: { enum: ['mobile', 'landline', 'any'], default: 'any' },
});
