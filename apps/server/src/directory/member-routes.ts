import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseName, type MemberStatus, type WorkspaceRole, workspaceNames } from '@formflow/store';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/require-actor.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound } from '../http/problems.js';
import { actorOf } from './actor-of.js';
import { directoryProblem, type DirectoryCode } from './directory-messages.js';
import { createMemberBody, memberSchema, paramsOf, problems, TAG, updateMemberBody } from './directory-schemas.js';
import { memberView } from './member-view.js';
import { runAtomically } from './run-atomically.js';

type CreateBody = { email: string; name?: string; password?: string; role?: WorkspaceRole };
type UpdateBody = {
  name?: string;
  role?: WorkspaceRole;
  status?: MemberStatus;
  departmentIds?: string[];
  roleIds?: string[];
};
type Failure = { status: number; code: DirectoryCode; path: string };

const isManager = (role: WorkspaceRole) => role === 'owner' || role === 'admin';
const ADD_FAILURES = {
  INVALID_EMAIL: { status: 400, path: 'body.email' },
  WEAK_PASSWORD: { status: 400, path: 'body.password' },
  EMAIL_TAKEN: { status: 409, path: 'body.email' },
} as const;

/** Members: everyone lists them (pickers), owners and admins add and change them. */
export function registerMemberRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/v1/members',
    {
      preHandler: requireActor(),
      schema: {
        tags: [TAG],
        summary: 'List the workspace’s members',
        description: 'Any member (member pickers need it). Email and createdAt only for owners and admins.',
        response: { 200: { type: 'object', properties: { members: { type: 'array', items: memberSchema } } } },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { members: ctx.directory.listMembers(actor.workspaceId).map((m) => memberView(m, actor)) };
    },
  );

  app.post<{ Body: CreateBody }>(
    '/api/v1/members',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Add a member (admin)',
        description: 'Only an owner can add owners and admins (403 OWNER_ONLY). 409 EMAIL_TAKEN.',
        body: createMemberBody,
        response: { 201: memberSchema, ...problems(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { email, password, role = 'member' } = request.body;
      if (isManager(role) && actor.role !== 'owner') {
        return directoryProblem(request, reply, 403, 'OWNER_ONLY', 'body.role');
      }
      const name = request.body.name === undefined ? undefined : normaliseName(request.body.name);
      if (request.body.name !== undefined && name === undefined) {
        return directoryProblem(request, reply, 400, 'INVALID_NAME', 'body.name');
      }
      const added = await ctx.auth.addMember({
        workspaceId: actor.workspaceId,
        email,
        role,
        ...(name === undefined ? {} : { name }),
        ...(password === undefined ? {} : { password }),
      });
      if (!added.ok) {
        if (added.reason === 'WORKSPACE_NOT_FOUND') return notFound(reply, 'workspace');
        const failure = ADD_FAILURES[added.reason];
        return directoryProblem(request, reply, failure.status, added.reason, failure.path);
      }
      const member = ctx.directory.getMember(actor.workspaceId, added.member.id);
      if (!member) return notFound(reply, 'member');
      reply.header('location', `/api/v1/members/${member.id}`);
      return reply.code(201).send(memberView(member, actor));
    },
  );

  app.patch<{ Params: { memberId: string }; Body: UpdateBody }>(
    '/api/v1/members/:memberId',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [TAG],
        summary: 'Change a member (admin)',
        description:
          'Name, workspace role, status, departments and roles in one all-or-nothing change. An admin cannot change ' +
          'an owner (403 OWNER_PROTECTED) nor anyone’s workspace role (403 OWNER_ONLY); the last active owner cannot ' +
          'be demoted or suspended (409 LAST_OWNER).',
        params: paramsOf('memberId'),
        body: updateMemberBody,
        response: { 200: memberSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => updateMember(ctx, request, reply, actorOf(request)),
  );
}

async function updateMember(
  ctx: ServerContext,
  request: FastifyRequest<{ Params: { memberId: string }; Body: UpdateBody }>,
  reply: FastifyReply,
  actor: Actor,
): Promise<FastifyReply> {
  const { workspaceId } = actor;
  const { memberId } = request.params;
  const body = request.body;
  const target = ctx.directory.getMember(workspaceId, memberId);
  if (!target) return notFound(reply, 'member');
  if (target.role === 'owner' && actor.role !== 'owner') {
    return directoryProblem(request, reply, 403, 'OWNER_PROTECTED');
  }
  if (body.role !== undefined && body.role !== target.role && actor.role !== 'owner') {
    return directoryProblem(request, reply, 403, 'OWNER_ONLY', 'body.role');
  }
  const name = body.name === undefined ? undefined : normaliseName(body.name);
  if (body.name !== undefined && name === undefined) {
    return directoryProblem(request, reply, 400, 'INVALID_NAME', 'body.name');
  }
  const at = ctx.now().toISOString();
  const failure = runAtomically<Failure | null>(ctx, (abort) => {
    if (name !== undefined) workspaceNames.renameMember(ctx.store.db, workspaceId, memberId, name, actor.memberId, at);
    if (body.role !== undefined) {
      const changed = ctx.directory.setMemberRole(workspaceId, memberId, body.role, actor.memberId);
      if (!changed.ok) abort({ status: 409, code: 'LAST_OWNER', path: 'body.role' });
    }
    if (body.status !== undefined) {
      const members = ctx.directory.listMembers(workspaceId);
      const self = members.find((m) => m.id === memberId);
      const otherOwners = members.filter((m) => m.id !== memberId && m.role === 'owner' && m.status === 'active');
      if (body.status === 'suspended' && self?.role === 'owner' && otherOwners.length === 0) {
        abort({ status: 409, code: 'LAST_OWNER', path: 'body.status' });
      }
      if (self?.status !== body.status) ctx.auth.setMemberStatus(workspaceId, memberId, body.status, actor.memberId);
    }
    if (body.departmentIds !== undefined) {
      const set = ctx.directory.setMemberDepartments(workspaceId, memberId, body.departmentIds, actor.memberId);
      if (!set.ok) abort(membershipFailure(set, body.departmentIds, 'departmentIds'));
    }
    if (body.roleIds !== undefined) {
      const set = ctx.directory.setMemberRoles(workspaceId, memberId, body.roleIds, actor.memberId);
      if (!set.ok) abort(membershipFailure(set, body.roleIds, 'roleIds'));
    }
    return null;
  });
  if (failure) return directoryProblem(request, reply, failure.status, failure.code, failure.path);
  const member = ctx.directory.getMember(workspaceId, memberId);
  if (!member) return notFound(reply, 'member');
  return reply.send(memberView(member, actor));
}

function membershipFailure(
  result: { reason: 'MEMBER_NOT_FOUND' } | { reason: 'UNKNOWN_DEPARTMENT' | 'UNKNOWN_ROLE'; id: string },
  ids: readonly string[],
  property: 'departmentIds' | 'roleIds',
): Failure {
  if (result.reason === 'MEMBER_NOT_FOUND') return { status: 404, code: 'MEMBER_NOT_FOUND', path: 'params.memberId' };
  const index = ids.indexOf(result.id);
  return { status: 400, code: result.reason, path: `body.${property}[${String(index)}]` };
}
