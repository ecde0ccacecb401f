import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkspaceRole } from '@formflow/store';
import { sendProblem } from '../problem-response.js';
import './actor.js';

/**
 * A preHandler for a route: 401 `UNAUTHENTICATED` without an actor, 403 `FORBIDDEN` when `roles` is given and the
 * actor's role is not in it. Attach it to the route itself (`{ preHandler: requireActor(['admin', 'owner']) }`), so
 * it guards exactly the routes that match, whatever the raw URL looked like (RELIABILITY H6).
 */
export function requireActor(roles?: readonly WorkspaceRole[]) {
  return async function requireActorHandler(request: FastifyRequest, reply: FastifyReply) {
    const actor = request.actor;
    if (!actor) {
      return sendProblem(reply, {
        status: 401,
        title: 'Unauthorized',
        code: 'UNAUTHENTICATED',
        detail: 'sign in or send an API key',
      });
    }
    if (roles && !roles.includes(actor.role)) {
      return sendProblem(reply, {
        status: 403,
        title: 'Forbidden',
        code: 'FORBIDDEN',
        detail: `requires role ${roles.join(' or ')}`,
      });
    }
  };
}
