import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { numericSortKey } from './support/number-value.js';
import { NUMBER_OPERATORS } from './support/operators.js';
import { numberSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';
import { parseNumber } from '../parse/parse-number.js';

const maxOf = (field: Parameters<FieldTypeDef['valueSchema']>[0]) => numberSetting(field, 'max') ?? 5;

/** 评分. Value: an integer 1..`max` (default 5). Parse reads `4`, `4星`, `4分` or stars `★★★★☆` (filled stars counted). */
export const ratingField: FieldTypeDef = {
  type: 'rating',
  storage: 'number',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.rating,
  valueSchema: (field) => ({ type: 'integer', minimum: 1, maximum: maxOf(field) }),
  defaultValue: staticDefault,
  parse(text, field) {
    const s = text.trim();
    if (s === '') return { ok: true, value: null };
    const stars = /^[★☆]+$/.test(s) ? [...s].filter((c) => c === '★').length : undefined;
    const n = stars ?? parseNumber(s.replace(/\s*[星分]$/, ''));
    const value = typeof n === 'number' ? n : n.ok ? n.value : NaN;
    if (stars === 0) return { ok: true, value: null };
    if (!Number.isInteger(value) || value < 1 || value > maxOf(field)) {
      return { ok: false, code: 'INVALID_RATING', message: `"${s}" is not a rating from 1 to ${maxOf(field)}` };
    }
    return { ok: true, value };
  },
  format: (value) => (typeof value === 'number' ? String(value) : ''),
  sortKey: numericSortKey,
  operators: NUMBER_OPERATORS,
};
