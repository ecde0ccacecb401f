import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `createdBy` (system): none. */
export type CreatedBySettings = Record<string, never>;

export const createdBySettingsSchema: JsonSchema = settingsObject({});
