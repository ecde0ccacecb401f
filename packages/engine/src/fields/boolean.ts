import { fieldSettingsSchemas, localize } from '@formflow/schema';
import type { FieldDef, Locale } from '@formflow/schema';
import { parseBoolean } from '../parse/parse-boolean.js';
import { foldText } from '../text/index.js';
import type { FieldTypeDef } from './field-type.js';
import { BOOLEAN_OPERATORS } from './support/operators.js';
import { setting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';

function label(field: FieldDef, value: boolean, locale: Locale): string {
  const custom = setting(field, value ? 'trueLabel' : 'falseLabel');
  if (typeof custom === 'string' || (typeof custom === 'object' && custom !== null && !Array.isArray(custom))) {
    const text = localize(custom as Parameters<typeof localize>[0], locale);
    if (text !== '') return text;
  }
  if (locale === 'en') return value ? 'Yes' : 'No';
  return value ? '是' : '否';
}

/** 是/否. Value: boolean. Parse: see `parseBoolean`, plus the field's own labels. Format: `是/否`, `Yes/No` or labels. */
export const booleanField: FieldTypeDef = {
  type: 'boolean',
  storage: 'boolean',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.boolean,
  valueSchema: () => ({ type: 'boolean' }),
  defaultValue: staticDefault,
  parse(text, field) {
    if (text.trim() === '') return { ok: true, value: null };
    const folded = foldText(text.trim());
    for (const value of [true, false]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        if (foldText(label(field, value, locale)) === folded) return { ok: true, value };
      }
    }
    return parseBoolean(text);
  },
  format: (value, field, ctx) => (typeof value === 'boolean' ? label(field, value, ctx.locale) : ''),
  sortKey: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : null),
  operators: BOOLEAN_OPERATORS,
};
