import type { LocalizedText } from '../localized.js';
import type { JsonSchema } from '../json-schema.js';
import { localizedTextSchema, settingsObject } from './common.js';

/** Settings of `description` (描述文字, layout only): plain text shown on the form (never HTML). */
export type DescriptionSettings = { content: LocalizedText };

export const descriptionSettingsSchema: JsonSchema = settingsObject({ content: localizedTextSchema }, ['content']);
