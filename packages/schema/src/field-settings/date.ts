import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

export const DATE_VALUE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Settings of `date`: bounds as `YYYY-MM-DD`. */
export type DateSettings = { min?: string; max?: string };

export const dateSettingsSchema: JsonSchema = settingsObject({
  min: { type: 'string', pattern: DATE_VALUE_PATTERN },
  max: { type: 'string', pattern: DATE_VALUE_PATTERN },
});
