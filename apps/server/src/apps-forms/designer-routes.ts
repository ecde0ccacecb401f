import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/require-actor.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound } from '../http/problems.js';
import { preferredLocale, sendProblem } from '../problem-response.js';
import { actorOf } from '../directory/actor-of.js';
import {
  appParams,
  diffSchema,
  draftSchema,
  formDefinitionBody,
  formParams,
  FORMS_TAG,
  problems,
  versionListSchema,
  versionParams,
  versionSchema,
} from './app-form-schemas.js';
import { invalidDefinition } from './definition-problems.js';
import { designerScope } from './designer-scope.js';
import { draftView } from './draft-view.js';
import { syncFormIndexes } from '../indexes/form-index-sync.js';

/** The form designer: drafts, what publishing changes, publishing, and the immutable published versions. */
export function registerDesignerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { appId: string }; Body: Record<string, unknown> }>(
    '/api/v1/apps/:appId/forms',
    {
      preHandler: requireActor(['owner', 'admin']),
      schema: {
        tags: [FORMS_TAG],
        summary: 'Create a form draft in an app (admin)',
        description: 'Not live until published. 422 INVALID_DEFINITION (DUPLICATE_FORM_ID when the id is taken).',
        params: appParams,
        body: formDefinitionBody,
        response: { 201: draftSchema, ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = ctx.forms.createForm({
        workspaceId: actor.workspaceId,
        appId: request.params.appId,
        definition: request.body,
        actor: actor.memberId,
      });
      if (!created.ok) {
        if (created.reason === 'NOT_FOUND') return notFound(reply, 'app');
        return invalidDefinition(request, reply, created.problems);
      }
      reply.header('location', `/api/v1/forms/${created.form.formId}/draft`);
      return reply.code(201).send(draftView(created.form));
    },
  );

  app.get<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId/draft',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'The form’s draft (manage)',
        params: formParams,
        response: { 200: draftSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      return scope ? draftView(scope.draft) : reply;
    },
  );

  app.put<{ Params: { formId: string }; Body: Record<string, unknown> }>(
    '/api/v1/forms/:formId/draft',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Save the form’s draft (manage)',
        description:
          'Replaces the draft; live records are not touched until publish. A field’s type cannot change here ' +
          '(TYPE_CHANGE_NEEDS_CONVERSION: use the type-change route); delete fields with `deleted: true` (or the ' +
          'field delete route) rather than dropping them, or publishing is refused.',
        params: formParams,
        body: formDefinitionBody,
        response: { 200: draftSchema, ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      const saved = ctx.forms.saveDraft({
        workspaceId: scope.actor.workspaceId,
        formId: scope.draft.formId,
        definition: request.body,
        actor: scope.actor.memberId,
      });
      if (!saved.ok) {
        if (saved.reason === 'NOT_FOUND') return notFound(reply, 'form');
        return invalidDefinition(request, reply, saved.problems);
      }
      return draftView(saved.form);
    },
  );

  app.get<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId/diff',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'What publishing the draft changes (manage)',
        description: 'Field ids added, removed (publishing is refused while not empty), changed, deleted, restored.',
        params: formParams,
        response: { 200: diffSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      const diff = ctx.forms.diffDraft(scope.actor.workspaceId, scope.draft.formId);
      if (!diff) return notFound(reply, 'form');
      return { publishedVersion: scope.draft.publishedVersion, ...diff };
    },
  );

  app.post<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId/publish',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Publish the draft as a new immutable version (manage)',
        description:
          '422 INVALID_DEFINITION with every problem; 409 FIELD_REMOVED lists the published fields the draft drops ' +
          '(mark them deleted instead: their values stay).',
        params: formParams,
        response: { 201: versionSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      const published = ctx.forms.publish({
        workspaceId: scope.actor.workspaceId,
        formId: scope.draft.formId,
        actor: scope.actor.memberId,
      });
      if (published.ok) {
        const { formId, version } = published.published;
        syncFormIndexes(ctx, scope.actor.workspaceId, formId, request.log);
        reply.header('location', `/api/v1/forms/${formId}/versions/${String(version)}`);
        return reply.code(201).send(published.published);
      }
      if (published.reason === 'NOT_FOUND') return notFound(reply, 'form');
      if (published.reason === 'INVALID_DEFINITION') return invalidDefinition(request, reply, published.problems);
      const zh = preferredLocale(request.headers['accept-language']) === 'zh-CN';
      const problem = {
        status: 409,
        title: 'Conflict',
        code: 'FIELD_REMOVED',
        detail: zh
          ? '草稿删掉了已发布的字段：请将其标记为已删除（数据会保留），不要直接移除'
          : 'the draft drops published fields: mark them deleted instead (their values stay)',
        fieldIds: published.fieldIds,
        errors: published.fieldIds.map((id) => ({
          path: 'fields',
          code: 'FIELD_REMOVED',
          message: zh ? `字段 "${id}" 不能直接移除` : `field "${id}" cannot be dropped`,
        })),
      };
      return sendProblem(reply, problem);
    },
  );

  app.get<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId/versions',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Published versions, oldest first (manage)',
        params: formParams,
        response: { 200: versionListSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      return { versions: ctx.forms.listVersions(scope.actor.workspaceId, scope.draft.formId) };
    },
  );

  app.get<{ Params: { formId: string; version: number } }>(
    '/api/v1/forms/:formId/versions/:version',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'One published version (manage)',
        params: versionParams,
        response: { 200: versionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      const published = ctx.forms.getPublished(scope.actor.workspaceId, scope.draft.formId, request.params.version);
      return published ?? notFound(reply, 'version');
    },
  );
}
