import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `createdAt` (system): how it is shown. */
export type CreatedAtSettings = { precision?: 'date' | 'minute' | 'second' };

export const createdAtSettingsSchema: JsonSchema = settingsObject({
  precision: { enum: ['date', 'minute', 'second'] },
});
