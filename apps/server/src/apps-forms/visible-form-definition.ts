import type { FieldDef, FormDef, JsonValue, LogicRule } from '@formflow/schema';
import { mentionsAny } from './mentions-any.js';

/** What a caller may see of a form: the field ids it may read and the ones it may write. */
export type FieldVisibility = { readable: ReadonlySet<string>; writable: ReadonlySet<string> };

const LAYOUT_ONLY = new Set(['section', 'description']);
/** Settings keys that name other fields of the same form or hold rules over them. */
const REFERENCE_SETTINGS = ['formula', 'condition', 'filter', 'relationField', 'source'] as const;

/** A field without the rules and references that mention removed fields (sub-table columns too). */
function pruneField(field: FieldDef, removed: ReadonlySet<string>): FieldDef {
  const copy: FieldDef = { ...field };
  if (copy.defaultFormula !== undefined && mentionsAny(copy.defaultFormula, removed)) delete copy.defaultFormula;
  if (field.settings) {
    const settings: { [key: string]: JsonValue } = { ...field.settings };
    for (const key of REFERENCE_SETTINGS) {
      if (Object.hasOwn(settings, key) && mentionsAny(settings[key], removed)) delete settings[key];
    }
    if (field.type === 'subtable' && Array.isArray(settings['fields'])) {
      settings['fields'] = (settings['fields'] as unknown as FieldDef[]).map((column) =>
        pruneField(column, removed),
      ) as unknown as JsonValue;
    }
    copy.settings = settings;
  }
  return copy;
}

function pruneLogic(rule: LogicRule, kept: ReadonlySet<string>, removed: ReadonlySet<string>): LogicRule | undefined {
  switch (rule.kind) {
    case 'assign':
      if (!kept.has(rule.field) || mentionsAny(rule.value, removed) || mentionsAny(rule.when, removed))
        return undefined;
      return rule;
    case 'validate': {
      if (mentionsAny(rule.when, removed)) return undefined;
      if (!rule.fields) return rule;
      return { ...rule, fields: rule.fields.filter((id) => kept.has(id)) };
    }
    default: {
      if (mentionsAny(rule.when, removed)) return undefined;
      const fields = rule.fields.filter((id) => kept.has(id));
      return fields.length === 0 ? undefined : { ...rule, fields };
    }
  }
}

/**
 * The live definition as one caller may see it (DESIGN §9, RELIABILITY H1): fields that are neither readable nor
 * writable (and deleted fields) are removed, and so is every trace of them: layout slots, logic rules that read them
 * or only target them, formulas, defaults, conditions and references that mention them, and a title field. Layout
 * fields (section, description) stay. The server stays authoritative: rules dropped here still run on every write.
 */
export function visibleFormDefinition(form: FormDef, visibility: FieldVisibility): FormDef {
  const kept = new Set<string>();
  const removed = new Set<string>();
  for (const field of form.fields) {
    const visible =
      !field.deleted &&
      (LAYOUT_ONLY.has(field.type) || visibility.readable.has(field.id) || visibility.writable.has(field.id));
    (visible ? kept : removed).add(field.id);
  }
  const out: FormDef = {
    ...form,
    fields: form.fields.filter((f) => kept.has(f.id)).map((f) => pruneField(f, removed)),
  };
  if (form.layout) {
    out.layout = form.layout
      .map((row) => ({ ...row, fields: row.fields.filter((id) => kept.has(id)) }))
      .filter((row) => row.fields.length > 0);
  }
  if (form.logic) {
    out.logic = form.logic.flatMap((rule) => {
      const pruned = pruneLogic(rule, kept, removed);
      return pruned ? [pruned] : [];
    });
  }
  if (form.settings?.titleField !== undefined && !kept.has(form.settings.titleField)) {
    const { titleField: _dropped, ...settings } = form.settings;
    out.settings = settings;
  }
  return out;
}
