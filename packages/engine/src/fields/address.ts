import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldDef, JsonSchema, JsonValue } from '@formflow/schema';
import { parseAddressText, type AddressParts } from '../parse/parse-address-text.js';
import { foldText, normalizeText } from '../text/index.js';
import type { FieldTypeDef } from './field-type.js';
import { PRESENCE_OPERATORS } from './support/operators.js';
import { stringSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

const LEVELS = ['province', 'city', 'district', 'detail'] as const;
type Level = (typeof LEVELS)[number];

function levelOf(field: FieldDef): Level {
  const level = stringSetting(field, 'level');
  return LEVELS.find((l) => l === level) ?? 'detail';
}

function parts(value: JsonValue): AddressParts {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: AddressParts = {};
  for (const key of LEVELS) {
    const v = value[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

/** 省 市 区 + detail, the city omitted when it repeats the province (北京市北京市 → 北京市). */
function joinAddress(a: AddressParts): string {
  const city = a.city !== undefined && a.city !== a.province ? a.city : '';
  return `${a.province ?? ''}${city}${a.district ?? ''}${a.detail ?? ''}`;
}

/**
 * 地址. Value: `{ province?, city?, district?, detail? }` (official names, e.g. `广东省`/`深圳市`/`南山区`; municipalities
 * repeat the province as city: `北京市`/`北京市`/`东城区`), holding only the levels down to `settings.level`
 * (default `detail`). The field's parse is the data-free split `parseAddressText` (small bundle); importers wanting
 * short names and missing levels resolved use `parseChinaAddress(text, await loadChinaRegions())`. Finer levels than
 * `level` are dropped on parse. Format joins the parts: `广东省深圳市南山区科技园路1号`.
 */
export const addressField: FieldTypeDef = {
  type: 'address',
  storage: 'json',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.address,
  valueSchema(field) {
    const depth = LEVELS.indexOf(levelOf(field));
    const properties: { [key: string]: JsonSchema } = {};
    for (const key of LEVELS.slice(0, depth + 1)) {
      properties[key] =
        key === 'detail'
          ? { type: 'string', minLength: 1, cleanText: true, maxGraphemes: 200 }
          : { type: 'string', minLength: 1, maxLength: 50, cleanText: true };
    }
    return { type: 'object', properties, additionalProperties: false, minProperties: 1 };
  },
  defaultValue: staticDefault,
  parse(text, field) {
    const t = normalizeText(text.trim());
    if (t === '') return { ok: true, value: null };
    const all = parseAddressText(t);
    const keep = LEVELS.slice(0, LEVELS.indexOf(levelOf(field)) + 1);
    const value: { [key: string]: JsonValue } = {};
    for (const key of keep) if (all[key] !== undefined) value[key] = all[key];
    if (Object.keys(value).length === 0) {
      return { ok: false, code: 'INVALID_ADDRESS', message: `"${t}" has no province, city or district` };
    }
    return { ok: true, value };
  },
  format: (value) => joinAddress(parts(value)),
  sortKey(value) {
    const text = joinAddress(parts(value));
    return text === '' ? null : foldText(text);
  },
  operators: [...PRESENCE_OPERATORS, 'contains', 'notContains'],
};
