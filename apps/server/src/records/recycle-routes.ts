import type { FastifyInstance, FastifyReply } from 'fastify';
import { formScope, recordScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { badRequest, conflict } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import type { JsonValue } from '@formflow/store';
import { pickReadable } from '@formflow/engine';
import { afterWrite } from './apply-writes.js';
import { preconditionOf } from './if-match.js';
import { recordItem } from './record-messages.js';
import { formParams, ifMatchHeaders, problems, recordParams, recordSchema, TAG } from './record-schemas.js';
import { sendRecord } from './record-view.js';
import { conflictFailure, sendWriteFailure } from './write-failure.js';

type BinCursor = { deletedAt: string; id: string };

function encodeBinCursor(position: BinCursor): string {
  return Buffer.from(JSON.stringify([position.deletedAt, position.id]), 'utf8').toString('base64url');
}

function decodeBinCursor(cursor: string): BinCursor | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [deletedAt, id] = value as unknown[];
    if (typeof deletedAt !== 'string' || typeof id !== 'string' || deletedAt.length > 40 || id.length > 100)
      return null;
    return { deletedAt, id };
  } catch {
    return null;
  }
}

function sendInvalidCursor(reply: FastifyReply, locale: 'zh-CN' | 'en') {
  const message = locale === 'zh-CN' ? '游标无效或属于其他查询' : 'the cursor is invalid or belongs to another query';
  return badRequest(reply, 'INVALID_CURSOR', [{ path: 'querystring.cursor', code: 'INVALID_CURSOR', message }]);
}

const binEntry = {
  ...recordSchema,
  required: [...recordSchema.required, 'deletedAt', 'deletedBy'],
  properties: { ...recordSchema.properties, deletedAt: { type: 'string' }, deletedBy: { type: ['string', 'null'] } },
} as const;

/** Delete to the recycle bin, restore, and list the bin. */
export function registerRecycleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.delete<{ Params: { recordId: string } }>(
    '/api/v1/records/:recordId',
    {
      config: { writesRecordsOnly: true },
      schema: {
        tags: [TAG],
        summary: 'Delete a record (to the recycle bin)',
        description: 'Needs `delete` on the row. Optional `If-Match: "<version>"` (412 VERSION_CONFLICT when stale).',
        params: recordParams,
        headers: ifMatchHeaders,
        response: { 204: { type: 'null', description: 'Deleted' }, ...problems(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'delete');
      if (!found) return reply;
      const expected = preconditionOf(request, reply, false);
      if (expected === undefined) return reply;
      const { scope, record } = found;
      const locale = preferredLocale(request.headers['accept-language']);
      const result = await ctx.writes.run<ReturnType<typeof ctx.store.records.deleteRecord>>(() => {
        const deleted = ctx.store.records.deleteRecord({
          workspaceId: scope.actor.workspaceId,
          id: record.id,
          actor: scope.actor.memberId,
          expectedVersion: expected ?? record.version,
        });
        if (deleted.ok) afterWrite(ctx, scope, deleted.record, 'record.deleted');
        return deleted;
      });
      if (!result.ok) {
        const failure = conflictFailure(result, '', locale, expected ?? record.version);
        return sendWriteFailure(reply, failure, scope.access);
      }
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { recordId: string } }>(
    '/api/v1/records/:recordId/restore',
    {
      schema: {
        tags: [TAG],
        summary: 'Restore a record from the recycle bin',
        description: 'Needs `delete` on the row. 409 NOT_DELETED when the record is not in the bin.',
        params: recordParams,
        response: { 200: recordSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'delete', { includeDeleted: true });
      if (!found) return reply;
      const { scope, record } = found;
      const locale = preferredLocale(request.headers['accept-language']);
      if (record.deletedAt === null) {
        const item = recordItem(locale, 'recordId', 'NOT_DELETED');
        return conflict(reply, 'NOT_DELETED', item.message, [item]);
      }
      const result = await ctx.writes.run<ReturnType<typeof ctx.store.records.restoreRecord>>(() => {
        const restored = ctx.store.records.restoreRecord({
          workspaceId: scope.actor.workspaceId,
          id: record.id,
          actor: scope.actor.memberId,
          expectedVersion: record.version,
        });
        if (restored.ok) afterWrite(ctx, scope, restored.record, 'record.restored');
        return restored;
      });
      if (!result.ok) return sendWriteFailure(reply, conflictFailure(result, '', locale), scope.access);
      return sendRecord(reply, result.record, scope.access);
    },
  );

  app.get<{ Params: { formId: string }; Querystring: { limit: number; cursor?: string } }>(
    '/api/v1/forms/:formId/recycle-bin',
    {
      schema: {
        tags: [TAG],
        summary: 'List the recycle bin of a form',
        description: 'Needs `manage`. Most recently deleted first; `nextCursor` pages on.',
        params: formParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            cursor: { type: 'string', maxLength: 512 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['records', 'nextCursor'],
            properties: { records: { type: 'array', items: binEntry }, nextCursor: { type: ['string', 'null'] } },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'manage');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const { limit, cursor } = request.query;
      const after = cursor === undefined ? null : decodeBinCursor(cursor);
      if (cursor !== undefined && !after) return sendInvalidCursor(reply, locale);
      const rows = ctx.store.records.recycleBinPage(scope.actor.workspaceId, scope.form.formId, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        records: page.map((record) => ({
          id: record.id,
          formId: record.formId,
          version: record.version,
          data: pickReadable(record.data, scope.access) as Record<string, JsonValue>,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          createdBy: record.createdBy,
          deletedAt: record.deletedAt,
          deletedBy: record.updatedBy,
        })),
        nextCursor:
          rows.length > limit && last?.deletedAt ? encodeBinCursor({ deletedAt: last.deletedAt, id: last.id }) : null,
      };
    },
  );
}
