import { fieldSettingsSchemas, TEXT_HARD_MAX_LENGTH } from '@formflow/schema';
import type { FieldDef, FilterOperator, JsonValue } from '@formflow/schema';
import { booleanField } from './boolean.js';
import { dateField } from './date.js';
import type { FieldTypeDef } from './field-type.js';
import { numberField } from './number.js';
import { textField } from './text.js';
import { stringSetting } from './support/settings.js';

/** The field the result behaves as: a `number` (with the formula's decimals), `text`, `date` or `boolean` field. */
function asResult(field: FieldDef): [FieldTypeDef, FieldDef] {
  const resultType = stringSetting(field, 'resultType');
  const decimals = field.settings?.['decimals'];
  if (resultType === 'text') {
    return [textField, { ...field, type: 'text', settings: { maxLength: TEXT_HARD_MAX_LENGTH } }];
  }
  if (resultType === 'date') return [dateField, { ...field, type: 'date', settings: {} }];
  if (resultType === 'boolean') return [booleanField, { ...field, type: 'boolean', settings: {} }];
  const settings: { [key: string]: JsonValue } = { thousands: true };
  if (typeof decimals === 'number') settings['decimals'] = decimals;
  return [numberField, { ...field, type: 'number', settings }];
}

const OPERATORS: readonly FilterOperator[] = [
  ...new Set([...numberField.operators, ...textField.operators, ...dateField.operators, ...booleanField.operators]),
];

/**
 * 公式 (computed). Value: the JsonLogic result, typed by `settings.resultType`: number (rounded to `decimals`), text
 * (NFC, ≤100000 graphemes), date (`YYYY-MM-DD`) or boolean. Schema, parse, format and sort key are those of that type.
 * Operators are the union over result types (the filter builder offers the ones matching `resultType`).
 */
export const formulaField: FieldTypeDef = {
  type: 'formula',
  storage: 'json',
  source: 'computed',
  settingsSchema: fieldSettingsSchemas.formula,
  valueSchema(field) {
    const [def, f] = asResult(field);
    return def.valueSchema(f);
  },
  defaultValue: () => null,
  parse(text, field, ctx) {
    const [def, f] = asResult(field);
    return def.parse(text, f, ctx);
  },
  format(value, field, ctx) {
    const [def, f] = asResult(field);
    return def.format(value, f, ctx);
  },
  sortKey(value, field) {
    const [def, f] = asResult(field);
    return def.sortKey(value, f);
  },
  operators: OPERATORS,
  normalize(value, field) {
    const [def, f] = asResult(field);
    return def.normalize ? def.normalize(value, f) : value;
  },
};
