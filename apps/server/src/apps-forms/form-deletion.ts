import type { AppDefinition } from '@formflow/store';
import type { FormDef } from '@formflow/schema';
import { mentionsAny } from './mentions-any.js';

/**
 * What else in the app names a form: workflows, automations, dashboard widgets and other forms' fields (relations).
 * Its own permission groups and views are not dependents: they go with it (see `withoutFormParts`).
 */
export function formDependents(definition: AppDefinition, otherForms: readonly FormDef[], formId: string): string[] {
  const ids = new Set([formId]);
  const found: string[] = [];
  (definition.workflows ?? []).forEach((w, i) => {
    if (mentionsAny(w, ids)) found.push(`workflows[${String(i)}]`);
  });
  (definition.automations ?? []).forEach((a, i) => {
    if (mentionsAny(a, ids)) found.push(`automations[${String(i)}]`);
  });
  (definition.dashboards ?? []).forEach((d, i) => {
    d.widgets.forEach((w, j) => {
      if (w.formId === formId) found.push(`dashboards[${String(i)}].widgets[${String(j)}]`);
    });
  });
  for (const form of otherForms) {
    form.fields.forEach((field, i) => {
      const columns = Array.isArray(field.settings?.['fields'])
        ? (field.settings['fields'] as { settings?: unknown }[])
        : [];
      const links = [field, ...columns].some(
        (f) =>
          typeof f.settings === 'object' &&
          f.settings !== null &&
          (f.settings as { formId?: unknown }).formId === formId,
      );
      if (links) found.push(`forms.${form.id}.fields[${String(i)}]`);
    });
  }
  return found;
}

/** The app definition without the permission groups and views of a form. */
export function withoutFormParts(definition: AppDefinition, formId: string): AppDefinition {
  const out: AppDefinition = { ...definition };
  if (definition.permissionGroups)
    out.permissionGroups = definition.permissionGroups.filter((g) => g.formId !== formId);
  if (definition.views) out.views = definition.views.filter((v) => v.formId !== formId);
  return out;
}
