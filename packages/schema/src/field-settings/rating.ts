import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `rating`: stars 1..max (default 5). */
export type RatingSettings = { max?: number; icon?: 'star' | 'heart' };

export const ratingSettingsSchema: JsonSchema = settingsObject({
  max: { type: 'integer', minimum: 1, maximum: 10, default: 5 },
  icon: { enum: ['star', 'heart'] },
});
