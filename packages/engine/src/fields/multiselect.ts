import { fieldSettingsSchemas, localize } from '@formflow/schema';
import type { FieldDef, JsonSchema } from '@formflow/schema';
import { splitList } from '../parse/split-list.js';
import type { FieldTypeDef } from './field-type.js';
import { findOption } from './support/find-option.js';
import { MULTISELECT_OPERATORS } from './support/operators.js';
import { numberSetting, optionsOf } from './support/settings.js';
import { staticDefault } from './support/static-default.js';
import { NO_VALUE_SCHEMA } from './support/value-schemas.js';

const ranks = new WeakMap<FieldDef, Map<string, number>>();

/** Position of an option id in the settings; unknown ids sort last. */
function rankOf(order: Map<string, number>, id: unknown): number {
  return typeof id === 'string' ? (order.get(id) ?? order.size) : order.size;
}

/** Option id → position in the field's settings, computed once per field definition. */
function optionRanks(field: FieldDef): Map<string, number> {
  let map = ranks.get(field);
  if (!map) {
    map = new Map(optionsOf(field).map((o, i) => [o.id, i]));
    ranks.set(field, map);
  }
  return map;
}

/**
 * 多选. Value: unique option ids, in settings order after normalize. Parse splits on `,` `，` `、` `;` `；` `|` and newlines,
 * reads each item as `select` does and drops duplicates. Format: labels joined with `、` (zh-CN) or `, ` (en).
 * Sort key: the sorted option indexes, zero-padded (`0001,0003`).
 */
export const multiselectField: FieldTypeDef = {
  type: 'multiselect',
  storage: 'json',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.multiselect,
  valueSchema(field) {
    const ids = optionsOf(field).map((o) => o.id);
    if (ids.length === 0) return NO_VALUE_SCHEMA;
    const schema: JsonSchema = { type: 'array', items: { type: 'string', enum: ids }, uniqueItems: true };
    const min = numberSetting(field, 'minItems');
    const max = numberSetting(field, 'maxItems');
    if (min !== undefined) schema['minItems'] = min;
    if (max !== undefined) schema['maxItems'] = max;
    return schema;
  },
  defaultValue: staticDefault,
  parse(text, field) {
    const items = splitList(text);
    if (items.length === 0) return { ok: true, value: null };
    const options = optionsOf(field);
    const ids: string[] = [];
    for (const item of items) {
      const option = findOption(options, item);
      if (!option) return { ok: false, code: 'INVALID_OPTION', message: `"${item}" is not one of the options` };
      if (!ids.includes(option.id)) ids.push(option.id);
    }
    return { ok: true, value: ids };
  },
  format(value, field, ctx) {
    if (!Array.isArray(value)) return '';
    const options = optionsOf(field);
    const labels = value.map((id) => {
      const option = options.find((o) => o.id === id);
      return option ? localize(option.label, ctx.locale) : String(id);
    });
    return labels.join(ctx.locale === 'en' ? ', ' : '、');
  },
  sortKey(value, field) {
    if (!Array.isArray(value) || value.length === 0) return null;
    const options = optionsOf(field);
    return value
      .map((id) => {
        const i = options.findIndex((o) => o.id === id);
        return i >= 0 ? i : options.length;
      })
      .sort((a, b) => a - b)
      .map((i) => String(i).padStart(4, '0'))
      .join(',');
  },
  operators: MULTISELECT_OPERATORS,
  normalize(value, field) {
    if (!Array.isArray(value)) return value;
    const order = optionRanks(field);
    let inOrder = true;
    for (let i = 1; i < value.length && inOrder; i++) inOrder = rankOf(order, value[i - 1]) < rankOf(order, value[i]);
    if (inOrder) return value; // unique and in settings order already (strictly increasing ranks)
    return [...new Set(value)].sort((a, b) => rankOf(order, a) - rankOf(order, b));
  },
};
