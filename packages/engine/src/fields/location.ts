import { fieldSettingsSchemas } from '@formflow/schema';
import type { JsonValue } from '@formflow/schema';
import { toHalfWidth } from '../parse/to-half-width.js';
import type { FieldTypeDef } from './field-type.js';
import { PRESENCE_OPERATORS } from './support/operators.js';
import { staticDefault } from './support/static-default.js';

const LNG_LAT = /^(?:(.*?)\s*\(\s*)?(-?\d{1,3}(?:\.\d+)?)\s*[,\s]\s*(-?\d{1,2}(?:\.\d+)?)\s*\)?$/;

/**
 * 定位. Value: `{ lng, lat, address? }` in WGS-84 degrees (lng −180..180, lat −90..90); `address` is the place text
 * from the map. Parse reads `113.94,22.54` or `科技园 (113.94, 22.54)`; format writes the same forms.
 */
export const locationField: FieldTypeDef = {
  type: 'location',
  storage: 'json',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.location,
  valueSchema: () => ({
    type: 'object',
    properties: {
      lng: { type: 'number', minimum: -180, maximum: 180 },
      lat: { type: 'number', minimum: -90, maximum: 90 },
      address: { type: 'string', cleanText: true, maxGraphemes: 500 },
    },
    required: ['lng', 'lat'],
    additionalProperties: false,
  }),
  defaultValue: staticDefault,
  parse(text) {
    const t = toHalfWidth(text).trim();
    if (t === '') return { ok: true, value: null };
    const m = LNG_LAT.exec(t);
    const lng = Number(m?.[2]);
    const lat = Number(m?.[3]);
    if (!m || !(Math.abs(lng) <= 180) || !(Math.abs(lat) <= 90)) {
      return { ok: false, code: 'INVALID_LOCATION', message: `"${text.trim()}" is not "longitude, latitude"` };
    }
    const value: { [key: string]: JsonValue } = { lng, lat };
    if (m[1]) value['address'] = m[1];
    return { ok: true, value };
  },
  format(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
    const { lng, lat, address } = value;
    if (typeof lng !== 'number' || typeof lat !== 'number') return '';
    return typeof address === 'string' && address !== '' ? `${address} (${lng}, ${lat})` : `${lng}, ${lat}`;
  },
  sortKey: () => null,
  operators: PRESENCE_OPERATORS,
};
