import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { inputHintProperties, settingsObject } from './common.js';

/** Settings of `email`. */
export type EmailSettings = { placeholder?: LocalizedText };

export const emailSettingsSchema: JsonSchema = settingsObject({ ...inputHintProperties });
