import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `location` (定位): `radiusMeters` limits check-in distance; `allowManual` allows picking on the map. */
export type LocationSettings = { radiusMeters?: number; allowManual?: boolean };

export const locationSettingsSchema: JsonSchema = settingsObject({
  radiusMeters: { type: 'integer', minimum: 1, maximum: 100000 },
  allowManual: { type: 'boolean' },
});
