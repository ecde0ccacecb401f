import type { FormDef, Locale } from '@formflow/schema';
import { localizeProblem } from '@formflow/schema';
import { checkAppDefinition } from '@formflow/engine';
import { columnsOf, allFields } from './field-tree.js';
import { UNSET_REF } from './create-field.js';

/** A problem of the draft as the designer shows it: where (path, field) and why (message in the UI language). */
export type DesignerProblem = { path: string; message: string; fieldId?: string; ruleIndex?: number };

/** `fields[3].settings.fields[1].label` or `/fields/3/settings/fields/1/label` → path segments. */
function segments(path: string): string[] {
  return path.split(/[./[\]"]+/).filter(Boolean);
}

/** The field (or column) a problem path points at, and the logic rule index when it is in `logic`. */
export function locateProblem(form: FormDef, path: string): { fieldId?: string; ruleIndex?: number } {
  const parts = segments(path);
  if (parts[0] === 'logic' && parts[1] !== undefined) return { ruleIndex: Number(parts[1]) };
  if (parts[0] !== 'fields' || parts[1] === undefined) return {};
  const field = form.fields[Number(parts[1])];
  if (!field) return {};
  if (parts[2] === 'settings' && parts[3] === 'fields' && parts[4] !== undefined) {
    const column = columnsOf(field)[Number(parts[4])];
    if (column) return { fieldId: column.id };
  }
  return { fieldId: field.id };
}

/** Problems the schema cannot see: references the user has not chosen yet. */
function unsetReferences(form: FormDef, locale: Locale): DesignerProblem[] {
  const out: DesignerProblem[] = [];
  for (const { field } of allFields(form)) {
    if (field.deleted) continue;
    const settings = field.settings ?? {};
    const unset =
      (field.type === 'lookup' && (settings['relationField'] === UNSET_REF || settings['field'] === UNSET_REF)) ||
      (field.type === 'rollup' && settings['source'] === UNSET_REF);
    if (unset) {
      out.push({
        path: field.id,
        fieldId: field.id,
        message: locale === 'zh-CN' ? '请选择关联字段和要显示的字段' : 'Choose the related field and the field to show',
      });
    }
  }
  return out;
}

/** Every problem of a form draft, checked by the same engine code the server runs, in the UI language. */
export function checkForm(form: FormDef, locale: Locale): DesignerProblem[] {
  const problems = checkAppDefinition(form, 'form').map((p) => ({
    path: p.path,
    message: localizeProblem(p, locale),
    ...locateProblem(form, p.path),
  }));
  const ownChecks = unsetReferences(form, locale).filter((p) => !problems.some((q) => q.fieldId === p.fieldId));
  return [...problems, ...ownChecks];
}

/** Server problems (already localised) located on the draft. */
export function fromServerProblems(
  form: FormDef,
  errors: readonly { path?: string; message: string }[],
): DesignerProblem[] {
  return errors.map((e) => ({ path: e.path ?? '', message: e.message, ...locateProblem(form, e.path ?? '') }));
}
