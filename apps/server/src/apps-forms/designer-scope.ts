import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormDraft } from '@formflow/store';
import type { Actor } from '../auth/actor.js';
import { callerOf } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { forbidden, notFound } from '../http/problems.js';
import { accessToForm } from './form-access.js';

export type DesignerScope = { actor: Actor; draft: FormDraft };

/**
 * Guards a designer route: 401 without a caller; 404 when the form is not in the caller's workspace (absent,
 * deleted, in a deleted app, another tenant's); 403 unless the caller is a workspace owner/admin or a permission group
 * grants them `manage` on the live form (a never-published form has no groups yet: owners and admins only).
 */
export function designerScope(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  formId: string,
): DesignerScope | undefined {
  const caller = callerOf(ctx, request, reply);
  if (!caller) return undefined;
  const { actor, viewer } = caller;
  const draft = ctx.forms.getDraft(actor.workspaceId, formId);
  if (!draft) {
    void notFound(reply, 'form');
    return undefined;
  }
  if (viewer.role === 'owner' || viewer.role === 'admin') return { actor, draft };
  const found = accessToForm(ctx, viewer, actor.workspaceId, formId);
  if (!found?.access.actions.has('manage')) {
    void forbidden(reply, 'designing this form needs the "manage" permission');
    return undefined;
  }
  return { actor, draft };
}
