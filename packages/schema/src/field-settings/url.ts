import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { inputHintProperties, settingsObject } from './common.js';

/** Settings of `url` (values are http/https only). */
export type UrlSettings = { placeholder?: LocalizedText };

export const urlSettingsSchema: JsonSchema = settingsObject({ ...inputHintProperties });
