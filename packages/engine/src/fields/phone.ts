import { fieldSettingsSchemas } from '@formflow/schema';
import { parsePhone, type PhoneKind } from '../parse/parse-phone.js';
import type { FieldTypeDef } from './field-type.js';
import { TEXT_OPERATORS } from './support/operators.js';
import { stringSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

const kindOf = (field: Parameters<FieldTypeDef['valueSchema']>[0]): PhoneKind => {
  const kind = stringSetting(field, 'kind');
  return kind === 'mobile' || kind === 'landline' ? kind : 'any';
};

const PATTERNS: { [kind in PhoneKind]: string } = {
  mobile: '^1[3-9]\\d{9}$',
  landline: '^(0\\d{2,3}-[1-9]\\d{6,7}(-\\d{1,6})?|[48]00-\\d{3}-\\d{4})$',
  any: '^(1[3-9]\\d{9}|0\\d{2,3}-[1-9]\\d{6,7}(-\\d{1,6})?|[48]00-\\d{3}-\\d{4}|\\+(?!86)[1-9]\\d{7,14})$',
};

const CANONICAL_MOBILE = /^1[3-9]\d{9}$/;

/**
 * 手机/电话. Value: the normalised number (see `parsePhone`): mobile `13800138000`, landline `0755-12345678[-ext]`,
 * `400-123-4567`, or `+<cc><digits>` outside China. Format spaces mobiles: `138 0013 8000`.
 */
export const phoneField: FieldTypeDef = {
  type: 'phone',
  storage: 'text',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.phone,
  valueSchema: (field) => ({ type: 'string', pattern: PATTERNS[kindOf(field)] }),
  defaultValue: staticDefault,
  parse: (text, field) => (text.trim() === '' ? { ok: true, value: null } : parsePhone(text, kindOf(field))),
  format(value) {
    if (typeof value !== 'string') return '';
    return /^1[3-9]\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}` : value;
  },
  sortKey: (value) => (typeof value === 'string' && value !== '' ? value : null),
  operators: TEXT_OPERATORS,
  normalize(value, field) {
    if (typeof value !== 'string') return value;
    if (CANONICAL_MOBILE.test(value)) return value; // the stored form already: skip the parser
    const r = parsePhone(value, kindOf(field));
    return r.ok ? r.value : value.trim();
  },
};
