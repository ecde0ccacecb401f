import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `address`: how deep the value goes (default `detail`: province/city/district + street text). */
export type AddressSettings = { level?: 'province' | 'city' | 'district' | 'detail' };

export const addressSettingsSchema: JsonSchema = settingsObject({
  level: { enum: ['province', 'city', 'district', 'detail'], default: 'detail' },
});
