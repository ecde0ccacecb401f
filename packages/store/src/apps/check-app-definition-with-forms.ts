import { checkAppDefinition } from '@formflow/engine';
import { checkJsonSafety, type FormDef, type Problem } from '@formflow/schema';
import type { AppDefinition } from './app-types.js';

export type CheckedApp = { ok: true; definition: AppDefinition } | { ok: false; problems: Problem[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems about the forms themselves: they are checked when each form is saved, not with the app. */
const FORM_PATH = /^forms(?:$|[.[])/;

/**
 * Checks an app definition (without forms) the way the designer's save does, WITH the app's current form drafts,
 * so views, workflows, automations, dashboards and permission groups naming unknown forms or fields are refused.
 * `id` fills an absent `id`; a present one must equal `expectedId` when given. `forms` must be absent or empty.
 */
export function checkAppDefinitionWithForms(
  value: unknown,
  drafts: readonly FormDef[],
  id: string,
  expectedId?: string,
): CheckedApp {
  if (!isPlainObject(value)) return { ok: false, problems: checkAppDefinition(value, 'app') };
  const { forms, ...rest } = value;
  if (forms !== undefined && !(Array.isArray(forms) && forms.length === 0)) {
    const message = 'an app is stored without its forms: create and change forms one by one';
    return { ok: false, problems: [{ path: 'forms', code: 'FORMS_NOT_ALLOWED', message }] };
  }
  if (expectedId !== undefined && rest['id'] !== undefined && rest['id'] !== expectedId) {
    const message = `the definition's id must stay "${expectedId}"`;
    return { ok: false, problems: [{ path: 'id', code: 'APP_ID_MISMATCH', message }] };
  }
  const definition = { ...rest, id: rest['id'] ?? id };
  const assembled = { ...definition, forms: drafts };
  // Size and depth limits hold for the app with its forms; when they fail, nothing else was checked: report them all.
  const limits = checkJsonSafety(assembled);
  if (limits.length > 0) return { ok: false, problems: limits };
  const problems = checkAppDefinition(assembled, 'app').filter((p) => !FORM_PATH.test(p.path));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: definition as AppDefinition };
}
