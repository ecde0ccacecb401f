import type { FastifyInstance } from 'fastify';
import type { TurnCache } from '../context/turn-cache.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route writes record data only (records, their history and outbox): it changes no member, key, session,
     * form or app, so its answer need not clear the turn cache. Every other write route clears it.
     */
    writesRecordsOnly?: boolean;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Clears the turn cache before any write route answers, unless the route is marked `writesRecordsOnly`: whatever
 * it changed (a suspension, a revoked key, a publish) is seen by the next request, even in the same turn.
 * Call it on the root instance before the routes are declared.
 */
export function registerTurnCacheClearing(app: FastifyInstance, turn: TurnCache): void {
  app.addHook('onSend', async (request) => {
    if (!READS.has(request.method) && request.routeOptions.config.writesRecordsOnly !== true) turn.clear();
  });
}
