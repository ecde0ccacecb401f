import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldDef, Problem } from '@formflow/schema';
import type { FormDraft, TypeChangeStrategy } from '@formflow/store';
import { requestTimeZone } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { notFound } from '../http/problems.js';
import { preferredLocale, sendProblem } from '../problem-response.js';
import { runAtomically } from '../directory/run-atomically.js';
import {
  draftSchema,
  fieldParams,
  FORMS_TAG,
  problems,
  typeChangeBody,
  typeChangeResultSchema,
} from './app-form-schemas.js';
import { invalidDefinition } from './definition-problems.js';
import { designerScope } from './designer-scope.js';
import { draftView } from './draft-view.js';
import { markFieldDeleted } from './mark-field-deleted.js';

type FieldParams = { formId: string; fieldId: string };
type Marked =
  | { ok: true; draft: FormDraft }
  | { ok: false; reason: 'NOT_FOUND' | 'FIELD_NOT_FOUND' }
  | { ok: false; reason: 'INVALID_DEFINITION'; problems: Problem[] };

/** Marks a field deleted or restores it in the draft, in one transaction (read, change, save). */
async function markField(
  ctx: ServerContext,
  request: FastifyRequest<{ Params: FieldParams }>,
  reply: FastifyReply,
  deleted: boolean,
): Promise<FastifyReply | ReturnType<typeof draftView>> {
  const scope = designerScope(ctx, request, reply, request.params.formId);
  if (!scope) return reply;
  const { workspaceId, memberId } = scope.actor;
  const formId = scope.draft.formId;
  const outcome = runAtomically<Marked>(ctx, (abort) => {
    const draft = ctx.forms.getDraft(workspaceId, formId);
    if (!draft) return abort({ ok: false, reason: 'NOT_FOUND' });
    const definition = markFieldDeleted(draft.definition, request.params.fieldId, deleted);
    if (!definition) return abort({ ok: false, reason: 'FIELD_NOT_FOUND' });
    const saved = ctx.forms.saveDraft({ workspaceId, formId, definition, actor: memberId });
    if (saved.ok) return { ok: true, draft: saved.form };
    return abort(saved.reason === 'NOT_FOUND' ? saved : { ok: false, reason: saved.reason, problems: saved.problems });
  });
  if (outcome.ok) return draftView(outcome.draft);
  if (outcome.reason === 'INVALID_DEFINITION') return invalidDefinition(request, reply, outcome.problems);
  return notFound(reply, outcome.reason === 'NOT_FOUND' ? 'form' : 'field');
}

/** Field lifecycle in the designer: delete (values kept), restore, and type change with a dry run. */
export function registerFieldRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: FieldParams }>(
    '/api/v1/forms/:formId/fields/:fieldId/delete',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Delete a field in the draft (manage)',
        description:
          'Marks it `deleted: true` in the draft: hidden everywhere once published, its values kept in every record ' +
          'and back with a restore. 422 when logic or other fields still refer to it.',
        params: fieldParams,
        response: { 200: draftSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request, reply) => markField(ctx, request, reply, true),
  );

  app.post<{ Params: FieldParams }>(
    '/api/v1/forms/:formId/fields/:fieldId/restore',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Restore a deleted field in the draft (manage)',
        params: fieldParams,
        response: { 200: draftSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request, reply) => markField(ctx, request, reply, false),
  );

  app.post<{ Params: FieldParams; Body: { field: Record<string, unknown>; strategy: TypeChangeStrategy } }>(
    '/api/v1/forms/:formId/fields/:fieldId/type-change',
    {
      schema: {
        tags: [FORMS_TAG],
        summary: 'Change a field’s type (manage)',
        description:
          '`dryRun` counts convertible, unconvertible and empty values with samples and writes nothing. `reject` ' +
          'applies only when every value converts (409 UNCONVERTIBLE otherwise). `keepOriginal` converts what ' +
          'converts and keeps each unconvertible original in the record history. Applying also publishes a new ' +
          'version when the field is live. 409 UNIQUE_CONFLICT when converted values collide on a unique field.',
        params: fieldParams,
        body: typeChangeBody,
        response: { 200: typeChangeResultSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const scope = designerScope(ctx, request, reply, request.params.formId);
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const result = ctx.forms.changeFieldType({
        workspaceId: scope.actor.workspaceId,
        formId: scope.draft.formId,
        fieldId: request.params.fieldId,
        newField: request.body.field as unknown as FieldDef,
        strategy: request.body.strategy,
        actor: scope.actor.memberId,
        context: { timezone: requestTimeZone(request), locale },
      });
      if (result.ok) return result;
      const zh = locale === 'zh-CN';
      switch (result.reason) {
        case 'NOT_FOUND':
          return notFound(reply, 'form');
        case 'FIELD_NOT_FOUND':
          return notFound(reply, 'field');
        case 'INVALID_DEFINITION':
          return invalidDefinition(request, reply, result.problems);
        case 'UNIQUE_CONFLICT': {
          const problem = {
            status: 409,
            title: 'Conflict',
            code: 'UNIQUE_CONFLICT',
            detail: zh
              ? '转换后的值与其他数据重复，未做任何修改'
              : 'converted values collide on a unique field; nothing changed',
            recordId: result.recordId,
          };
          return sendProblem(reply, problem);
        }
        case 'UNCONVERTIBLE': {
          const { ok: _ok, reason: _reason, ...counts } = result;
          const problem = {
            status: 409,
            title: 'Conflict',
            code: 'UNCONVERTIBLE',
            detail: zh
              ? `${String(counts.unconvertible)} 条数据无法转换，未做任何修改`
              : `${String(counts.unconvertible)} values do not convert; nothing changed`,
            ...counts,
          };
          return sendProblem(reply, problem);
        }
      }
    },
  );
}
