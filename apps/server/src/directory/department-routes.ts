import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Department } from '@formflow/store';
import { requireActor } from '../auth/require-actor.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound } from '../http/problems.js';
import { actorOf } from './actor-of.js';
import { directoryProblem } from './directory-messages.js';
import {
  createDepartmentBody,
  departmentSchema,
  paramsOf,
  problems,
  TAG,
  updateDepartmentBody,
} from './directory-schemas.js';

type DepartmentBody = { name?: string; parentId?: string | null; sort?: number };
type Params = { departmentId: string };

const view = (d: Department) => ({ id: d.id, parentId: d.parentId, name: d.name, sort: d.sort });

/** Maps a store refusal to its answer; NOT_FOUND means the department in the path. */
function refusal(
  request: FastifyRequest,
  reply: FastifyReply,
  reason: 'NOT_FOUND' | 'PARENT_NOT_FOUND' | 'CYCLE' | 'INVALID_NAME' | 'INVALID_SORT' | 'NOT_EMPTY',
): FastifyReply {
  switch (reason) {
    case 'NOT_FOUND':
      return notFound(reply, 'department');
    case 'PARENT_NOT_FOUND':
      return directoryProblem(request, reply, 400, 'PARENT_NOT_FOUND', 'body.parentId');
    case 'CYCLE':
      return directoryProblem(request, reply, 409, 'CYCLE', 'body.parentId');
    case 'NOT_EMPTY':
      return directoryProblem(request, reply, 409, 'NOT_EMPTY');
    case 'INVALID_SORT':
      return directoryProblem(request, reply, 400, 'INVALID_SORT', 'body.sort');
    case 'INVALID_NAME':
      return directoryProblem(request, reply, 400, 'INVALID_NAME', 'body.name');
  }
}

/** The department tree (flat, with parentId): everyone reads it, owners and admins change it. */
export function registerDepartmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/v1/departments',
    {
      preHandler: requireActor(),
      schema: {
        tags: [TAG],
        summary: 'List departments (flat; build the tree from parentId)',
        response: {
          200: { type: 'object', properties: { departments: { type: 'array', items: departmentSchema } } },
          ...problems(401),
        },
      },
    },
    async (request) => ({ departments: ctx.directory.listDepartments(actorOf(request).workspaceId).map(view) }),
  );

  app.post<{ Body: DepartmentBody & { name: string } }>(
    '/api/v1/departments',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Create a department (admin)',
        body: createDepartmentBody,
        response: { 201: departmentSchema, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { name, parentId, sort } = request.body;
      const created = ctx.directory.createDepartment({
        workspaceId: actor.workspaceId,
        name,
        actor: actor.memberId,
        ...(parentId === undefined ? {} : { parentId }),
        ...(sort === undefined ? {} : { sort }),
      });
      if (!created.ok) return refusal(request, reply, created.reason);
      reply.header('location', `/api/v1/departments/${created.department.id}`);
      return reply.code(201).send(view(created.department));
    },
  );

  app.patch<{ Params: Params; Body: DepartmentBody }>(
    '/api/v1/departments/:departmentId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Rename, re-sort or move a department (admin)',
        description:
          'A move under itself or one of its sub-departments is 409 CYCLE; `parentId: null` moves to the root.',
        params: paramsOf('departmentId'),
        body: updateDepartmentBody,
        response: { 200: departmentSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { name, parentId, sort } = request.body;
      const updated = ctx.directory.updateDepartment({
        workspaceId: actor.workspaceId,
        id: request.params.departmentId,
        actor: actor.memberId,
        ...(name === undefined ? {} : { name }),
        ...(parentId === undefined ? {} : { parentId }),
        ...(sort === undefined ? {} : { sort }),
      });
      if (!updated.ok) return refusal(request, reply, updated.reason);
      return reply.send(view(updated.department));
    },
  );

  app.delete<{ Params: Params }>(
    '/api/v1/departments/:departmentId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Delete an empty department (admin)',
        description: '409 NOT_EMPTY while it has sub-departments or members.',
        params: paramsOf('departmentId'),
        response: { 204: { type: 'null', description: 'Deleted' }, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const deleted = ctx.directory.deleteDepartment(actor.workspaceId, request.params.departmentId, actor.memberId);
      if (!deleted.ok) return refusal(request, reply, deleted.reason);
      return reply.code(204).send();
    },
  );
}
