import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `updatedAt` (system): how it is shown. */
export type UpdatedAtSettings = { precision?: 'date' | 'minute' | 'second' };

export const updatedAtSettingsSchema: JsonSchema = settingsObject({
  precision: { enum: ['date', 'minute', 'second'] },
});
