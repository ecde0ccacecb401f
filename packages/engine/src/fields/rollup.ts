import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { formatDecimal } from './support/format-decimal.js';
import { numericSortKey, parseNumberText, roundTo } from './support/number-value.js';
import { NUMBER_OPERATORS } from './support/operators.js';
import { numberSetting, stringSetting } from './support/settings.js';

/**
 * 汇总 (computed). Value: a number, the `aggregation` (sum/avg/count/min/max) of `field` over the rows of `source`
 * (a sub-table or relation) that satisfy `condition`; `count` is a non-negative integer. Rounded to `decimals` if set.
 * Over a sub-table the engine computes it (evaluateForm); over a relation the server does, from the linked records.
 */
export const rollupField: FieldTypeDef = {
  type: 'rollup',
  storage: 'number',
  source: 'computed',
  settingsSchema: fieldSettingsSchemas.rollup,
  valueSchema: (field) =>
    stringSetting(field, 'aggregation') === 'count' ? { type: 'integer', minimum: 0 } : { type: 'number' },
  defaultValue: () => null,
  parse: (text, field) => parseNumberText(text, numberSetting(field, 'decimals')),
  format: (value, field) =>
    typeof value === 'number'
      ? formatDecimal(value, { decimals: numberSetting(field, 'decimals'), thousands: true })
      : '',
  sortKey: numericSortKey,
  operators: NUMBER_OPERATORS,
  normalize: (value, field) => roundTo(value, numberSetting(field, 'decimals')),
};
