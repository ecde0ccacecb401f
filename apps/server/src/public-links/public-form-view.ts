import { ruleVars } from '@formflow/engine';
import type { FieldDef, FormDef, LogicRule, Rule } from '@formflow/schema';

/** Whether every record var a rule reads is an exposed field (`sub.col` reads count as their sub-table). */
function readsOnly(rule: Rule, exposed: ReadonlySet<string>): boolean {
  try {
    return ruleVars(rule).every((path) => exposed.has(path.split('.')[0] ?? ''));
  } catch {
    return false;
  }
}

/** A logic rule kept for the public form, narrowed to exposed fields, or null when it involves any other field. */
function publicRule(rule: LogicRule, exposed: ReadonlySet<string>): LogicRule | null {
  switch (rule.kind) {
    case 'visible':
    case 'required':
    case 'readonly': {
      const fields = rule.fields.filter((id) => exposed.has(id));
      return fields.length > 0 && readsOnly(rule.when, exposed) ? { ...rule, fields } : null;
    }
    case 'assign':
      return exposed.has(rule.field) &&
        (rule.when === undefined || readsOnly(rule.when, exposed)) &&
        readsOnly(rule.value, exposed)
        ? rule
        : null;
    case 'validate': {
      if (!readsOnly(rule.when, exposed)) return null;
      if (!rule.fields) return rule;
      const fields = rule.fields.filter((id) => exposed.has(id));
      return fields.length > 0 ? { ...rule, fields } : null;
    }
  }
}

/** An exposed field as the public sees it: a default formula reading other fields is left to the server. */
function publicField(field: FieldDef, exposed: ReadonlySet<string>): FieldDef {
  if (field.defaultFormula === undefined || readsOnly(field.defaultFormula, exposed)) return field;
  const { defaultFormula: _hidden, ...rest } = field;
  return rest;
}

/**
 * The live form definition as a public link shows it: exactly the exposed fields (in form order), layout rows and
 * logic rules that involve only them (a rule reading any other field is dropped whole, so no other field's id,
 * label or value leaks), the title field only when exposed. The server still evaluates the full form logic on
 * submit; this copy is for rendering the form.
 */
export function publicFormView(form: FormDef, exposed: ReadonlySet<string>): FormDef {
  const view: FormDef = {
    id: form.id,
    name: form.name,
    fields: form.fields.filter((f) => exposed.has(f.id) && f.deleted !== true).map((f) => publicField(f, exposed)),
  };
  if (form.description !== undefined) view.description = form.description;
  if (form.version !== undefined) view.version = form.version;
  const layout = (form.layout ?? [])
    .map((row) => ({ ...row, fields: row.fields.filter((id) => exposed.has(id)) }))
    .filter((row) => row.fields.length > 0);
  if (layout.length > 0) view.layout = layout;
  const logic = (form.logic ?? []).map((rule) => publicRule(rule, exposed)).filter((r): r is LogicRule => r !== null);
  if (logic.length > 0) view.logic = logic;
  const settings: NonNullable<FormDef['settings']> = {};
  if (form.settings?.submitMessage !== undefined) settings.submitMessage = form.settings.submitMessage;
  if (form.settings?.titleField !== undefined && exposed.has(form.settings.titleField)) {
    settings.titleField = form.settings.titleField;
  }
  if (Object.keys(settings).length > 0) view.settings = settings;
  return view;
}
