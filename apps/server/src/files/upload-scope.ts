import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveFormAccess } from '@formflow/engine';
import { formScope, viewerOf, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { forbidden, notFound, unauthenticated } from '../http/problems.js';

/**
 * The scope of an upload: the caller needs `submit` (filling a new record) or `edit` (changing one) on the form.
 * 401 / 404 / 403 as `formScope` answers them; the scope is the one of the first of those actions granted.
 */
export function uploadScope(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  formId: string,
): FormScope | undefined {
  const actor = request.actor;
  if (!actor) {
    void unauthenticated(reply);
    return undefined;
  }
  const form = ctx.definitions.liveForm(actor.workspaceId, formId);
  const viewer = viewerOf(ctx, actor);
  if (!form || !viewer) {
    void (form ? unauthenticated(reply) : notFound(reply, 'form'));
    return undefined;
  }
  const access = resolveFormAccess(
    form.definition,
    ctx.definitions.permissionGroups(actor.workspaceId, form.appId),
    viewer,
  );
  const action = access.actions.has('submit') ? 'submit' : access.actions.has('edit') ? 'edit' : undefined;
  if (!action) {
    void forbidden(reply, 'uploading needs the "submit" or "edit" permission on this form');
    return undefined;
  }
  return formScope(ctx, request, reply, formId, action);
}
