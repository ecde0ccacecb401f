import { fieldSettingsSchemas } from '@formflow/schema';
import { shiftDecimal } from '../values/shift-decimal.js';
import type { FieldTypeDef } from './field-type.js';
import { formatDecimal } from './support/format-decimal.js';
import { boundedNumberSchema, numericSortKey, parseNumberText, roundTo } from './support/number-value.js';
import { NUMBER_OPERATORS } from './support/operators.js';
import { numberSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

/** Decimals of the stored ratio: percentage decimals + 2. */
const ratioDecimals = (field: Parameters<FieldTypeDef['valueSchema']>[0]) => {
  const d = numberSetting(field, 'decimals');
  return d === undefined ? undefined : d + 2;
};

/**
 * 百分比. Value: a ratio (12% is 0.12, 12.5% is 0.125). Parse: `12%` → 0.12 (exact decimal shift); text without `%`
 * is read as the ratio itself (`0.12`, as Excel stores percent cells), so `12` means 1200%. Format: `12.5%` with
 * `decimals` places of the percentage when set.
 */
export const percentField: FieldTypeDef = {
  type: 'percent',
  storage: 'number',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.percent,
  valueSchema: boundedNumberSchema,
  defaultValue: staticDefault,
  parse: (text, field) => parseNumberText(text, ratioDecimals(field)),
  format: (value, field) =>
    typeof value === 'number'
      ? `${formatDecimal(shiftDecimal(value, 2), { decimals: numberSetting(field, 'decimals'), thousands: true })}%`
      : '',
  sortKey: numericSortKey,
  operators: NUMBER_OPERATORS,
  normalize: (value, field) => roundTo(value, ratioDecimals(field)),
};
