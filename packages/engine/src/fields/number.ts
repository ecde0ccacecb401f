import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { formatDecimal } from './support/format-decimal.js';
import { boundedNumberSchema, numericSortKey, parseNumberText, roundTo } from './support/number-value.js';
import { NUMBER_OPERATORS } from './support/operators.js';
import { numberSetting, setting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

/**
 * 数字. Value: a finite number within `min`/`max`, rounded to `decimals` when set. Parse reads `1,200.50`, `1.2万`,
 * `(1,000)`, full-width digits, `1e3`. Format groups thousands when `thousands` is set; the `unit` is shown by the
 * renderer beside the value, not in the text (so exported text re-imports).
 */
export const numberField: FieldTypeDef = {
  type: 'number',
  storage: 'number',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.number,
  valueSchema: boundedNumberSchema,
  defaultValue: staticDefault,
  parse: (text, field) => parseNumberText(text, numberSetting(field, 'decimals')),
  format: (value, field) =>
    typeof value === 'number'
      ? formatDecimal(value, {
          decimals: numberSetting(field, 'decimals'),
          thousands: setting(field, 'thousands') === true,
        })
      : '',
  sortKey: numericSortKey,
  operators: NUMBER_OPERATORS,
  normalize: (value, field) => roundTo(value, numberSetting(field, 'decimals')),
};
