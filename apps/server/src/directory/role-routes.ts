import type { FastifyInstance } from 'fastify';
import type { Role } from '@formflow/store';
import { requireActor } from '../auth/require-actor.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound } from '../http/problems.js';
import { actorOf } from './actor-of.js';
import { directoryProblem } from './directory-messages.js';
import { paramsOf, problems, roleBody, roleItemSchema, TAG } from './directory-schemas.js';

const view = (r: Role) => ({ id: r.id, name: r.name });
type Params = { roleId: string };

/** Roles (角色), permission-group principals: everyone reads them, owners and admins change them. */
export function registerRoleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/v1/roles',
    {
      preHandler: requireActor(),
      schema: {
        tags: [TAG],
        summary: 'List roles',
        response: {
          200: { type: 'object', properties: { roles: { type: 'array', items: roleItemSchema } } },
          ...problems(401),
        },
      },
    },
    async (request) => ({ roles: ctx.directory.listRoles(actorOf(request).workspaceId).map(view) }),
  );

  app.post<{ Body: { name: string } }>(
    '/api/v1/roles',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Create a role (admin)',
        body: roleBody,
        response: { 201: roleItemSchema, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = ctx.directory.createRole({
        workspaceId: actor.workspaceId,
        name: request.body.name,
        actor: actor.memberId,
      });
      if (!created.ok) return directoryProblem(request, reply, 400, 'INVALID_NAME', 'body.name');
      reply.header('location', `/api/v1/roles/${created.role.id}`);
      return reply.code(201).send(view(created.role));
    },
  );

  app.patch<{ Params: Params; Body: { name: string } }>(
    '/api/v1/roles/:roleId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Rename a role (admin)',
        params: paramsOf('roleId'),
        body: roleBody,
        response: { 200: roleItemSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const renamed = ctx.directory.renameRole({
        workspaceId: actor.workspaceId,
        id: request.params.roleId,
        name: request.body.name,
        actor: actor.memberId,
      });
      if (renamed.ok) return reply.send(view(renamed.role));
      if (renamed.reason === 'NOT_FOUND') return notFound(reply, 'role');
      return directoryProblem(request, reply, 400, 'INVALID_NAME', 'body.name');
    },
  );

  app.delete<{ Params: Params }>(
    '/api/v1/roles/:roleId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Delete a role (admin)',
        description: 'Members holding it lose it in the same transaction; permission groups naming it match nobody.',
        params: paramsOf('roleId'),
        response: { 204: { type: 'null', description: 'Deleted' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const deleted = ctx.directory.deleteRole(actor.workspaceId, request.params.roleId, actor.memberId);
      if (!deleted.ok) return notFound(reply, 'role');
      return reply.code(204).send();
    },
  );
}
