import type { FormAccess, Viewer } from '@formflow/engine';
import { accessOf } from '../context/form-scope.js';
import type { FormSummary } from '@formflow/store';
import type { LiveForm } from '../context/definition-cache.js';
import type { ServerContext } from '../context/server-context.js';

export type FormWithAccess = { summary: FormSummary; live: LiveForm | undefined; access: FormAccess | undefined };

/** The caller's access to one live form, or undefined when it is not published (or gone). */
export function accessToForm(
  ctx: ServerContext,
  viewer: Viewer,
  workspaceId: string,
  formId: string,
): { live: LiveForm; access: FormAccess } | undefined {
  const live = ctx.definitions.liveForm(workspaceId, formId);
  if (!live) return undefined;
  const access = accessOf(ctx, workspaceId, live, viewer);
  return { live, access };
}

/**
 * Every form of an app with the caller's access to it. Unpublished forms have no access for members (nothing to
 * fill in or read yet); owners and admins see them in the designer.
 */
export function formsWithAccess(
  ctx: ServerContext,
  viewer: Viewer,
  workspaceId: string,
  appId: string,
): FormWithAccess[] {
  return ctx.forms.listForms(workspaceId, appId).map((summary) => {
    const found = accessToForm(ctx, viewer, workspaceId, summary.formId);
    return { summary, live: found?.live, access: found?.access };
  });
}

/** Whether a member may reach the form at all (some group grants them an action). */
export const reachable = (form: FormWithAccess): boolean => (form.access?.actions.size ?? 0) > 0;

export const isManager = (viewer: Viewer): boolean => viewer.role === 'owner' || viewer.role === 'admin';
