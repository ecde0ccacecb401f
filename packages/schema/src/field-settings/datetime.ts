import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$';

/** Settings of `datetime`: bounds as ISO instants; `precision` of the picker (default minute). */
export type DateTimeSettings = { min?: string; max?: string; precision?: 'minute' | 'second' };

export const datetimeSettingsSchema: JsonSchema = settingsObject({
  min: { type: 'string', pattern: INSTANT_PATTERN },
  max: { type: 'string', pattern: INSTANT_PATTERN },
  precision: { enum: ['minute', 'second'] },
});
