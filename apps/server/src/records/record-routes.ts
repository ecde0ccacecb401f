import type { FastifyInstance } from 'fastify';
import { formScope, recordScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { preferredLocale } from '../problem-response.js';
import { applyCreate, applyUpdate, type Applied } from './apply-writes.js';
import { preconditionOf } from './if-match.js';
import { dataSchema, formParams, ifMatchHeaders, problems, recordParams, recordSchema, TAG } from './record-schemas.js';
import { sendRecord } from './record-view.js';
import { conflictFailure, sendWriteFailure } from './write-failure.js';
import { prepareCreate, prepareUpdate } from './write-pipeline.js';

type DataBody = { data: Record<string, unknown> };

const dataBody = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: dataSchema },
} as const;

/** Create, read and change one record. */
export function registerRecordCrudRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { formId: string }; Body: DataBody }>(
    '/api/v1/forms/:formId/records',
    {
      config: { writesRecordsOnly: true },
      schema: {
        tags: [TAG],
        summary: 'Submit a record',
        description:
          'Needs `submit`. The data is validated by the form (422 INVALID_RECORD lists every error); fields you may ' +
          'not write are refused (403 FIELD_NOT_WRITABLE); a value that must be unique and exists is 409 ' +
          'UNIQUE_CONFLICT with the existing record id. The answer holds the fields you may read, and an ETag.',
        params: formParams,
        body: dataBody,
        response: { 201: recordSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'submit');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const prepared = prepareCreate(ctx, scope, request.body.data, '', locale);
      if (!prepared.ok) return sendWriteFailure(reply, prepared.failure, scope.access);
      const applied = await ctx.writes.run<Applied>((abort) => {
        const result = applyCreate(ctx, scope, prepared.plan);
        return result.ok ? result : abort(result);
      });
      if (!applied.ok) return sendWriteFailure(reply, conflictFailure(applied.conflict, '', locale), scope.access);
      reply.header('location', `/api/v1/records/${applied.record.id}`);
      return sendRecord(reply, applied.record, scope.access, 201);
    },
  );

  app.get<{ Params: { recordId: string } }>(
    '/api/v1/records/:recordId',
    {
      schema: {
        tags: [TAG],
        summary: 'Get a record',
        description: 'Needs `view` on a row the permission groups reach (404 otherwise). ETag: the version.',
        params: recordParams,
        response: { 200: recordSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'view');
      if (!found) return reply;
      return sendRecord(reply, found.record, found.scope.access);
    },
  );

  app.patch<{ Params: { recordId: string }; Body: DataBody }>(
    '/api/v1/records/:recordId',
    {
      config: { writesRecordsOnly: true },
      schema: {
        tags: [TAG],
        summary: 'Change a record',
        description:
          'Needs `edit` on the row. `data` is a patch (a null value clears the field). REQUIRES `If-Match: "<version>"`: ' +
          'missing → 428 PRECONDITION_REQUIRED; stale → 412 VERSION_CONFLICT with `current: { version, data }`.',
        params: recordParams,
        headers: ifMatchHeaders,
        body: dataBody,
        response: { 200: recordSchema, ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'edit');
      if (!found) return reply;
      const expected = preconditionOf(request, reply, true);
      if (expected === undefined || expected === null) return reply;
      const { scope, record } = found;
      const locale = preferredLocale(request.headers['accept-language']);
      const prepared = prepareUpdate(ctx, scope, record, request.body.data, expected, '', locale);
      if (!prepared.ok) return sendWriteFailure(reply, prepared.failure, scope.access);
      const applied = await ctx.writes.run<Applied>((abort) => {
        const result = applyUpdate(ctx, scope, prepared.plan);
        return result.ok ? result : abort(result);
      });
      if (!applied.ok) {
        return sendWriteFailure(reply, conflictFailure(applied.conflict, '', locale, expected), scope.access);
      }
      return sendRecord(reply, applied.record, scope.access);
    },
  );
}
