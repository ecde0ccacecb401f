import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';

/** The actor of a route guarded by `requireActor` (its preHandler already answered 401 without one). */
export function actorOf(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor) throw new Error('route is missing its requireActor preHandler');
  return actor;
}
