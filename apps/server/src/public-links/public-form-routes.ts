import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { localize } from '@formflow/schema';
import { FileRepository, isLinkOpen, type PublicLink, type PublicLinkRepository } from '@formflow/store';
import type { LiveForm } from '../context/definition-cache.js';
import { requestTimeZone } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { findFileField } from '../files/file-field.js';
import { FILE_PROBLEMS, sendFileProblem } from '../files/file-problems.js';
import { fileRefSchema, problemSchema } from '../files/file-schemas.js';
import { FileStorage } from '../files/file-storage.js';
import { receiveUpload } from '../files/receive-upload.js';
import { notFound } from '../http/problems.js';
import { preferredLocale, sendProblem, statusTitle } from '../problem-response.js';
import { createPublicRecord } from './create-public-record.js';
import { exposedFields } from './link-fields.js';
import { publicFormView } from './public-form-view.js';
import {
  publicFormSchema,
  responses,
  submitBodySchema,
  submittedSchema,
  TAG,
  tokenParamsSchema,
} from './public-link-schemas.js';
import { registerPublicRateLimit } from './public-rate-limit.js';

/** Largest JSON body of an anonymous submission (uploads go to the files route). */
const PUBLIC_BODY_LIMIT = 256 * 1024;

type Opened = { link: PublicLink; form: LiveForm; exposed: Set<string> };

/** The link behind a token when it is usable: enabled, not expired, its form live. Anything else is 404. */
function openLink(ctx: ServerContext, links: PublicLinkRepository, token: string): Opened | undefined {
  const link = links.getByToken(token);
  if (!link || !isLinkOpen(link, ctx.now())) return undefined;
  const form = ctx.definitions.liveForm(link.workspaceId, link.formId);
  if (!form) return undefined;
  return { link, form, exposed: exposedFields(form.definition, ctx.registry, link.fields) };
}

const noSuchLink = (reply: FastifyReply) => notFound(reply, 'public form');

/**
 * The anonymous side of 外链, in its own encapsulated scope (rate limits and multipart apply here only). No session
 * is needed or used: a visitor reaches exactly one form's exposed fields.
 */
export async function registerPublicFormRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  links: PublicLinkRepository,
): Promise<void> {
  const files = new FileRepository(ctx.store.db, ctx.now);
  const storage = new FileStorage(ctx.dataDir);
  await app.register(async (scope) => {
    const limit = await registerPublicRateLimit(scope);
    await scope.register(multipart, { limits: { files: 1, fields: 20, parts: 21 } });
    const guard = { onRequest: limit };

    scope.get<{ Params: { token: string } }>(
      '/api/v1/public/forms/:token',
      {
        ...guard,
        schema: {
          tags: [TAG],
          summary: 'The public form behind a link (anonymous)',
          description: 'The live form restricted to the exposed fields. Disabled, expired or unknown links are 404.',
          security: [],
          params: tokenParamsSchema,
          response: { 200: publicFormSchema, ...responses(404, 429) },
        },
      },
      async (request, reply) => {
        const opened = openLink(ctx, links, request.params.token);
        if (!opened) return noSuchLink(reply);
        void reply.header('cache-control', 'no-store');
        return {
          name: opened.link.name,
          expiresAt: opened.link.expiresAt,
          form: publicFormView(opened.form.definition, opened.exposed),
        };
      },
    );

    scope.post<{ Params: { token: string }; Body: { data: Record<string, unknown> } }>(
      '/api/v1/public/forms/:token/records',
      {
        ...guard,
        bodyLimit: PUBLIC_BODY_LIMIT,
        schema: {
          tags: [TAG],
          summary: 'Submit the public form (anonymous)',
          description:
            'Only exposed fields are accepted: any other key is 422 FIELD_NOT_EXPOSED with its path. Validated by the ' +
            'form like any submission (422 INVALID_RECORD); stored with no creator. Rate-limited per IP and link ' +
            '(429 RATE_LIMITED with Retry-After).',
          security: [],
          params: tokenParamsSchema,
          body: submitBodySchema,
          response: { 201: submittedSchema, ...responses(400, 404, 409, 413, 415, 422, 429) },
        },
      },
      async (request, reply) => {
        const opened = openLink(ctx, links, request.params.token);
        if (!opened) return noSuchLink(reply);
        const locale = preferredLocale(request.headers['accept-language']);
        const result = await createPublicRecord(ctx, files, links, {
          ...opened,
          data: request.body.data,
          timezone: requestTimeZone(request),
          locale,
        });
        if (!result.ok) {
          return sendProblem(reply, {
            status: result.status,
            title: statusTitle(result.status),
            code: result.code,
            detail: result.items[0]?.message ?? result.code,
            errors: result.items,
          });
        }
        const message = opened.form.definition.settings?.submitMessage;
        return reply.code(201).send({
          id: result.record.id,
          submittedAt: result.record.createdAt,
          message: message === undefined ? null : localize(message, locale),
        });
      },
    );

    scope.post<{ Params: { token: string }; Querystring: { field: string } }>(
      '/api/v1/public/forms/:token/files',
      {
        ...guard,
        schema: {
          tags: [TAG],
          summary: 'Upload a file for an exposed image/attachment/signature field (anonymous)',
          description: 'As POST /api/v1/forms/{formId}/files, for the fields the link exposes; the same limits apply.',
          security: [],
          consumes: ['multipart/form-data'],
          params: tokenParamsSchema,
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['field'],
            properties: { field: { type: 'string', minLength: 1, maxLength: 129 } },
          },
          response: { 201: fileRefSchema, ...responses(400, 404, 413, 415, 429), 403: problemSchema },
        },
      },
      async (request, reply) => {
        const opened = openLink(ctx, links, request.params.token);
        if (!opened) return noSuchLink(reply);
        const path = request.query.field;
        const lookup = findFileField(opened.form.definition, path);
        // A field the link does not expose is answered like an unknown one: nothing about other fields leaks.
        if (!lookup.ok || !opened.exposed.has(lookup.value.topId)) {
          const exposed = opened.exposed.has(path.split('.')[0] ?? '');
          const code = !lookup.ok && exposed ? lookup.code : 'UNKNOWN_FIELD';
          return sendFileProblem(request, reply, code, FILE_PROBLEMS[code](path), 'querystring.field');
        }
        return receiveUpload(request, reply, storage, files, {
          workspaceId: opened.link.workspaceId,
          formId: opened.form.formId,
          fileField: lookup.value,
          createdBy: null,
        });
      },
    );
  });
}
