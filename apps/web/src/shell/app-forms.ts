import type { AppFormSummary } from '../api/types.js';

/** The forms a caller sees in an app's menu: published ones, and (for admins) drafts never published yet. */
export function menuForms(forms: readonly AppFormSummary[], isAdmin: boolean): AppFormSummary[] {
  return forms.filter((form) => form.publishedVersion !== null || isAdmin);
}

/** Where a form's menu entry leads: its data, or the designer for a draft that was never published. */
export function formHref(appId: string, form: AppFormSummary): string {
  const base = `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(form.id)}`;
  return form.publishedVersion === null ? `${base}/design` : base;
}
