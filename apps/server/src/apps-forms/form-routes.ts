import type { FastifyInstance } from 'fastify';
import { softDeleteForm } from '@formflow/store';
import type { Problem } from '@formflow/schema';
import { viewerOf } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { conflict, forbidden, notFound, unauthenticated } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { runAtomically } from '../directory/run-atomically.js';
import { formParams, FORMS_TAG, liveFormSchema, problems } from './app-form-schemas.js';
import { designerScope } from './designer-scope.js';
import { invalidDefinition } from './definition-problems.js';
import { accessToForm } from './form-access.js';
import { formDependents, withoutFormParts } from './form-deletion.js';
import { visibleFormDefinition } from './visible-form-definition.js';
import { dropDeletedFormIndexes } from '../indexes/form-index-sync.js';

type DeleteOutcome =
  | { ok: true }
  | { ok: false; reason: 'NOT_FOUND' }
  | { ok: false; reason: 'IN_USE'; paths: string[] }
  | { ok: false; reason: 'INVALID_DEFINITION'; problems: Problem[] };

/** The live form as the caller may see it, and deleting a form. */
export function registerFormRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'The live form as you may see it',
        description:
          'Needs any action on the form. The latest published definition without the fields you may neither read ' +
          'nor write (and without any layout slot, logic rule, formula or reference that mentions them), plus ' +
          '`access: { actions, readable, writable }` so the client knows what to render. Deleted fields are absent.',
        params: formParams,
        response: { 200: liveFormSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) return unauthenticated(reply);
      const viewer = viewerOf(ctx, actor);
      if (!viewer) return unauthenticated(reply);
      const found = accessToForm(ctx, viewer, actor.workspaceId, request.params.formId);
      if (!found) return notFound(reply, 'form');
      const { live, access } = found;
      if (access.actions.size === 0) return forbidden(reply, 'no permission group opens this form to you');
      return {
        ...visibleFormDefinition(live.definition, access),
        appId: live.appId,
        access: {
          actions: [...access.actions],
          readable: [...access.readable],
          writable: [...access.writable],
          writableFor: { submit: [...access.writableFor.submit], edit: [...access.writableFor.edit] },
        },
      };
    },
  );

  app.delete<{ Params: { formId: string } }>(
    '/api/v1/forms/:formId',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Delete a form (manage, soft)',
        description:
          'The form is no longer found; its records stay in the database. Its permission groups and views go with ' +
          'it. 409 FORM_IN_USE lists workflows, automations, dashboard widgets and relation fields that still name it.',
        params: formParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      const { actor, draft } = scope;
      const { workspaceId } = actor;
      const formId = draft.formId;
      const outcome = runAtomically<DeleteOutcome>(ctx, (abort) => {
        const owner = ctx.apps.getApp(workspaceId, draft.appId);
        if (!owner) return abort({ ok: false, reason: 'NOT_FOUND' });
        const others = ctx.forms
          .listForms(workspaceId, draft.appId)
          .filter((f) => f.formId !== formId)
          .flatMap((f) => ctx.forms.getDraft(workspaceId, f.formId)?.definition ?? []);
        const paths = formDependents(owner.definition, others, formId);
        if (paths.length > 0) return abort({ ok: false, reason: 'IN_USE', paths });
        const trimmed = withoutFormParts(owner.definition, formId);
        if (JSON.stringify(trimmed) !== JSON.stringify(owner.definition)) {
          const updated = ctx.apps.updateApp({
            workspaceId,
            appId: owner.id,
            definition: trimmed,
            actor: actor.memberId,
          });
          if (!updated.ok) {
            return abort(
              updated.reason === 'NOT_FOUND'
                ? { ok: false, reason: 'NOT_FOUND' }
                : { ok: false, reason: 'INVALID_DEFINITION', problems: updated.problems },
            );
          }
        }
        const at = ctx.now().toISOString();
        if (!softDeleteForm(ctx.store.db, workspaceId, formId, actor.memberId, at)) {
          return abort({ ok: false, reason: 'NOT_FOUND' });
        }
        return { ok: true };
      });
      if (outcome.ok) {
        dropDeletedFormIndexes(ctx, workspaceId, formId, request.log);
        return reply.code(204).send();
      }
      if (outcome.reason === 'NOT_FOUND') return notFound(reply, 'form');
      if (outcome.reason === 'INVALID_DEFINITION') return invalidDefinition(request, reply, outcome.problems);
      const zh = preferredLocale(request.headers['accept-language']) === 'zh-CN';
      const message = zh ? '仍在使用该表单，请先移除引用' : 'still names this form: remove the reference first';
      return conflict(
        reply,
        'FORM_IN_USE',
        zh ? '该表单仍被引用' : 'other parts of the app still use this form',
        outcome.paths.map((path) => ({ path, code: 'FORM_IN_USE', message })),
      );
    },
  );
}
