import { fieldSettingsSchemas, localize } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { findOption } from './support/find-option.js';
import { SELECT_OPERATORS } from './support/operators.js';
import { optionsOf } from './support/settings.js';
import { staticDefault } from './support/static-default.js';
import { NO_VALUE_SCHEMA } from './support/value-schemas.js';

/**
 * 单选. Value: an option id. Parse: an option id or label in either locale (NFC, case-insensitive). Format: the label in
 * `ctx.locale` (an unknown id is shown as is). Sort key: the option's index in settings order (a funnel sorts by stage);
 * unknown ids after all options.
 */
export const selectField: FieldTypeDef = {
  type: 'select',
  storage: 'text',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.select,
  valueSchema(field) {
    const ids = optionsOf(field).map((o) => o.id);
    return ids.length > 0 ? { type: 'string', enum: ids } : NO_VALUE_SCHEMA;
  },
  defaultValue: staticDefault,
  parse(text, field) {
    if (text.trim() === '') return { ok: true, value: null };
    const option = findOption(optionsOf(field), text);
    if (!option) return { ok: false, code: 'INVALID_OPTION', message: `"${text.trim()}" is not one of the options` };
    return { ok: true, value: option.id };
  },
  format(value, field, ctx) {
    if (typeof value !== 'string') return '';
    const option = optionsOf(field).find((o) => o.id === value);
    return option ? localize(option.label, ctx.locale) : value;
  },
  sortKey(value, field) {
    if (typeof value !== 'string') return null;
    const options = optionsOf(field);
    const index = options.findIndex((o) => o.id === value);
    return index >= 0 ? index : options.length;
  },
  operators: SELECT_OPERATORS,
};
