import type { FastifyReply, FastifyRequest } from 'fastify';
import { formScope, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';

/**
 * The scope of an upload: the caller needs `submit` (filling a new record) or `edit` (changing one) on the form.
 * 401 / 404 / 403 as `formScope` answers them.
 */
export function uploadScope(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  formId: string,
): FormScope | undefined {
  return formScope(ctx, request, reply, formId, ['submit', 'edit']);
}
