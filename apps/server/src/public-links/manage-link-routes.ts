import type { FastifyInstance, FastifyReply } from 'fastify';
import { isLinkOpen, type PublicLink, type PublicLinkRepository } from '@formflow/store';
import { formScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound, unauthenticated } from '../http/problems.js';
import { preferredLocale, sendProblem } from '../problem-response.js';
import { checkLinkFields } from './link-fields.js';
import {
  createLinkBodySchema,
  formParamsSchema,
  linkParamsSchema,
  linkSchema,
  responses,
  TAG,
  updateLinkBodySchema,
} from './public-link-schemas.js';

type CreateBody = { name?: string | null; fields: string[]; expiresAt?: string | null };
type UpdateBody = { name?: string | null; fields?: string[]; enabled?: boolean; expiresAt?: string | null };

/** A link as managers see it, with the path of its public form. */
function linkView(link: PublicLink, now: Date) {
  return {
    id: link.id,
    formId: link.formId,
    token: link.token,
    path: `/api/v1/public/forms/${link.token}`,
    name: link.name,
    fields: link.fields,
    enabled: link.enabled,
    open: isLinkOpen(link, now),
    expiresAt: link.expiresAt,
    submissions: link.submissions,
    createdBy: link.createdBy,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  };
}

/** `expiresAt` as a canonical ISO instant (the schema already checked it is an RFC 3339 date-time). */
const instant = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null ? null : new Date(text).toISOString();

function invalidFields(reply: FastifyReply, items: { path: string; code: string; message: string }[]) {
  return sendProblem(reply, {
    status: 422,
    title: 'Unprocessable Content',
    code: 'INVALID_LINK_FIELDS',
    detail: items[0]?.message ?? 'the link fields are invalid',
    errors: items,
  });
}

/** 外链 management: list, create, change, delete. Needs `manage` on the form. */
export function registerManageLinkRoutes(app: FastifyInstance, ctx: ServerContext, links: PublicLinkRepository): void {
  app.get<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId/public-links',
    {
      schema: {
        tags: [TAG],
        summary: 'List the public links of a form',
        params: formParamsSchema,
        response: { 200: { type: 'array', items: linkSchema }, ...responses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'manage');
      if (!scope) return reply;
      const now = ctx.now();
      return links.listLinks(scope.actor.workspaceId, scope.form.formId).map((l) => linkView(l, now));
    },
  );

  app.post<{ Params: { formId: string }; Body: CreateBody }>(
    '/api/v1/forms/:formId/public-links',
    {
      schema: {
        tags: [TAG],
        summary: 'Create a public link (外链)',
        description:
          'Needs `manage`. `fields` must be writable top-level fields of the live form that anonymous visitors can ' +
          'fill (not member, department or relation pickers), and must include every required field without a ' +
          'default (422 INVALID_LINK_FIELDS). The token is 32 random bytes, base64url.',
        params: formParamsSchema,
        body: createLinkBodySchema,
        response: { 201: linkSchema, ...responses(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'manage');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const problems = checkLinkFields(scope.form.definition, ctx.registry, request.body.fields, locale);
      if (problems.length > 0) return invalidFields(reply, problems);
      const link = links.createLink({
        workspaceId: scope.actor.workspaceId,
        formId: scope.form.formId,
        name: request.body.name ?? null,
        fields: request.body.fields,
        expiresAt: instant(request.body.expiresAt) ?? null,
        createdBy: scope.actor.memberId,
      });
      return reply.code(201).header('location', `/api/v1/public-links/${link.id}`).send(linkView(link, ctx.now()));
    },
  );

  app.patch<{ Params: { linkId: string }; Body: UpdateBody }>(
    '/api/v1/public-links/:linkId',
    {
      schema: {
        tags: [TAG],
        summary: 'Change a public link (enable/disable, fields, name, expiry)',
        params: linkParamsSchema,
        body: updateLinkBodySchema,
        response: { 200: linkSchema, ...responses(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) return unauthenticated(reply);
      const current = links.getLink(actor.workspaceId, request.params.linkId);
      if (!current) return notFound(reply, 'public link');
      const scope = formScope(ctx, request, reply, current.formId, 'manage');
      if (!scope) return reply;
      const body = request.body;
      if (body.fields) {
        const locale = preferredLocale(request.headers['accept-language']);
        const problems = checkLinkFields(scope.form.definition, ctx.registry, body.fields, locale);
        if (problems.length > 0) return invalidFields(reply, problems);
      }
      const expiresAt = instant(body.expiresAt);
      const updated = links.updateLink(actor.workspaceId, current.id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.fields ? { fields: body.fields } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      });
      if (!updated) return notFound(reply, 'public link');
      return linkView(updated, ctx.now());
    },
  );

  app.delete<{ Params: { linkId: string } }>(
    '/api/v1/public-links/:linkId',
    {
      schema: {
        tags: [TAG],
        summary: 'Delete a public link (its URL stops working at once)',
        params: linkParamsSchema,
        response: { 204: { type: 'null' }, ...responses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) return unauthenticated(reply);
      const current = links.getLink(actor.workspaceId, request.params.linkId);
      if (!current) return notFound(reply, 'public link');
      const scope = formScope(ctx, request, reply, current.formId, 'manage');
      if (!scope) return reply;
      links.deleteLink(actor.workspaceId, current.id);
      return reply.code(204).send();
    },
  );
}
