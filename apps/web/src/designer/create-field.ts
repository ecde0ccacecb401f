import type { FieldDef, FieldType, FormDef, JsonValue, SelectOption } from '@formflow/schema';
import { newFieldId, newId } from './new-id.js';
import { allFields } from './field-tree.js';

/** A reference not chosen yet (a valid id, so the draft parses; the designer reports it until chosen). */
export const UNSET_REF = 'unset';

/** Option colours offered by the designer (CSS hex, as the settings schema wants). */
export const OPTION_COLORS = ['#2f6bff', '#2fa86a', '#f5a524', '#e5484d', '#8e4ec6', '#12a5b4', '#ec6a9c', '#86909c'];

/** `n` options named `optionName(i)`, with colours and stable ids. */
export function defaultOptions(optionName: (n: number) => string, n = 3): SelectOption[] {
  return Array.from({ length: n }, (_, i) => ({
    id: newId('o_'),
    label: optionName(i + 1),
    color: OPTION_COLORS[i % OPTION_COLORS.length]!,
  }));
}

export type NewFieldContext = {
  /** The new field's label (the type's name in the UI language). */
  label: string;
  /** Option label in the UI language, numbered from 1. */
  optionName: (n: number) => string;
  /** Text of a new description block. */
  descriptionText: string;
  /** The form being designed (for ids in use and for lookups / rollups to point at). */
  form: FormDef;
  /** The form a new relation points at (another form of the app, or this one). */
  relationFormId: string;
};

/** Settings valid for the type's settings schema (required keys filled) with sensible defaults. */
export function defaultSettings(type: FieldType, ctx: NewFieldContext): { [key: string]: JsonValue } | undefined {
  const fields = allFields(ctx.form).map((p) => p.field);
  switch (type) {
    case 'select':
    case 'multiselect':
      return { options: defaultOptions(ctx.optionName) as unknown as JsonValue };
    case 'money':
      return { currency: 'CNY', decimals: 2 };
    case 'rating':
      return { max: 5 };
    case 'serial':
      return { prefix: '', dateFormat: 'YYYYMMDD', digits: 4, resetEvery: 'day' };
    case 'subtable':
      return { fields: [] };
    case 'relation':
      return { formId: ctx.relationFormId };
    case 'lookup': {
      const relation = fields.find((f) => f.type === 'relation' && !f.deleted);
      // Without a relation field the lookup is incomplete: the property panel asks for one.
      return relation
        ? { relationField: relation.id, field: UNSET_REF }
        : { relationField: UNSET_REF, field: UNSET_REF };
    }
    case 'rollup': {
      const source = fields.find((f) => (f.type === 'subtable' || f.type === 'relation') && !f.deleted);
      return { source: source?.id ?? UNSET_REF, aggregation: 'count' };
    }
    case 'formula':
      return { formula: 0, resultType: 'number' };
    case 'description':
      return { content: ctx.descriptionText };
    default:
      return undefined;
  }
}

/** A new field of `type` with a fresh id, a label in the UI language and valid default settings. */
export function createField(type: FieldType, ctx: NewFieldContext): FieldDef {
  const taken = new Set(allFields(ctx.form).map((p) => p.field.id));
  const field: FieldDef = { id: newFieldId(taken), type, label: ctx.label };
  const settings = defaultSettings(type, ctx);
  if (settings) field.settings = settings;
  return field;
}
