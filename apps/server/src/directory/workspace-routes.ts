import type { FastifyInstance } from 'fastify';
import { normaliseName, workspaceNames } from '@formflow/store';
import { requireActor } from '../auth/require-actor.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound } from '../http/problems.js';
import { directoryProblem } from './directory-messages.js';
import { problems, TAG, workspaceBody, workspaceSchema } from './directory-schemas.js';

import { actorOf } from './actor-of.js';

/** The caller's workspace: any member reads it, the owner renames it. */
export function registerWorkspaceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/v1/workspace',
    {
      preHandler: requireActor(),
      schema: {
        tags: [TAG],
        summary: 'The caller’s workspace',
        response: { 200: workspaceSchema, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const workspace = workspaceNames.get(ctx.store.db, actorOf(request).workspaceId);
      return workspace ?? notFound(reply, 'workspace');
    },
  );

  app.patch<{ Body: { name: string } }>(
    '/api/v1/workspace',
    {
      preHandler: requireActor(['owner']),
      schema: {
        tags: [TAG],
        summary: 'Rename the workspace (owner)',
        body: workspaceBody,
        response: { 200: workspaceSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const name = normaliseName(request.body.name);
      if (name === undefined) return directoryProblem(request, reply, 400, 'INVALID_NAME', 'body.name');
      const at = ctx.now().toISOString();
      if (!workspaceNames.renameWorkspace(ctx.store.db, actor.workspaceId, name, actor.memberId, at)) {
        return notFound(reply, 'workspace');
      }
      return { id: actor.workspaceId, name };
    },
  );
}
