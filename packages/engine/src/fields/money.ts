import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { currencySymbol } from './support/currency-symbol.js';
import { formatDecimal } from './support/format-decimal.js';
import { boundedNumberSchema, numericSortKey, parseNumberText, roundTo } from './support/number-value.js';
import { NUMBER_OPERATORS } from './support/operators.js';
import { numberSetting, stringSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

const decimalsOf = (field: Parameters<FieldTypeDef['valueSchema']>[0]) => numberSetting(field, 'decimals') ?? 2;

/**
 * 金额. Value: a number in `currency` units (default CNY), rounded half away from zero to `decimals` (default 2) on
 * parse and normalize. Parse reads `¥1,200.50`, `￥1200`, `RMB 1200`, `1.2万元`; a symbol is not checked against the
 * field's currency. Format: `¥1,200.50`, `-¥1,000.00`.
 */
export const moneyField: FieldTypeDef = {
  type: 'money',
  storage: 'number',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.money,
  valueSchema: boundedNumberSchema,
  defaultValue: staticDefault,
  parse: (text, field) => parseNumberText(text, decimalsOf(field)),
  format(value, field) {
    if (typeof value !== 'number') return '';
    const text = formatDecimal(value, { decimals: decimalsOf(field), thousands: true });
    const symbol = currencySymbol(stringSetting(field, 'currency') ?? 'CNY');
    return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
  },
  sortKey: numericSortKey,
  operators: NUMBER_OPERATORS,
  normalize: (value, field) => roundTo(value, decimalsOf(field)),
};
