import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `serial` (流水号): `prefix` + date part + counter of `digits` digits, reset per period. */
export type SerialSettings = {
  prefix?: string;
  dateFormat?: 'YYYYMMDD' | 'YYYYMM' | 'YYYY';
  /** Counter width, default 4 (`0001`); the counter grows past it rather than wrapping. */
  digits?: number;
  resetEvery?: 'day' | 'month' | 'year' | 'never';
};

export const serialSettingsSchema: JsonSchema = settingsObject({
  prefix: { type: 'string', maxLength: 20, pattern: '^[^\\u0000-\\u001f]*$' },
  dateFormat: { enum: ['YYYYMMDD', 'YYYYMM', 'YYYY'] },
  digits: { type: 'integer', minimum: 1, maximum: 12, default: 4 },
  resetEvery: { enum: ['day', 'month', 'year', 'never'], default: 'never' },
});
