import type { FastifyInstance } from 'fastify';
import type { HistoryEntry, JsonValue } from '@formflow/store';
import { pickReadable } from '@formflow/engine';
import { recordScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { badRequest, notFound } from '../http/problems.js';
import { preferredLocale, sendProblem } from '../problem-response.js';
import { applyUpdate, type Applied } from './apply-writes.js';
import { formWriteInfo } from './form-write-info.js';
import { preconditionOf } from './if-match.js';
import { recordItem } from './record-messages.js';
import { ifMatchHeaders, problems, recordParams, recordSchema, TAG } from './record-schemas.js';
import { sendRecord } from './record-view.js';
import { conflictFailure, sendWriteFailure } from './write-failure.js';
import { prepareUpdate } from './write-pipeline.js';

/** The value a field had at `version`: the last change at or before it (null when it had none yet). */
export function valueAtVersion(entries: readonly HistoryEntry[], fieldId: string, version: number): JsonValue {
  let value: JsonValue = null;
  for (const entry of entries) {
    const change = entry.version <= version ? entry.changes[fieldId] : undefined;
    if (change) value = change.after;
  }
  return value;
}

const historySchema = {
  type: 'object',
  required: ['entries'],
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'action', 'actor', 'at', 'changes'],
        properties: {
          version: { type: 'integer' },
          action: { type: 'string' },
          actor: { type: ['string', 'null'] },
          at: { type: 'string' },
          changes: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
} as const;

/** A record's change history, and giving a field back an earlier value. */
export function registerHistoryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { recordId: string } }>(
    '/api/v1/records/:recordId/history',
    {
      schema: {
        tags: [TAG],
        summary: 'Change history of a record',
        description:
          'Needs `view` on the row. Who changed what and when, before/after per field, oldest first; only fields ' +
          'you may read (an entry that changed only hidden fields is left out).',
        params: recordParams,
        response: { 200: historySchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'view');
      if (!found) return reply;
      const { scope, record } = found;
      const stamps = new Set(formWriteInfo(scope.form.definition).updatedAt);
      const entries = ctx.store.records.listHistory(scope.actor.workspaceId, record.id).flatMap((entry) => {
        const changes = pickReadable(entry.changes, scope.access);
        // An entry whose only visible change is the updated-at stamp changed hidden fields only: left out.
        const hiddenOnly =
          Object.keys(entry.changes).length > 0 && Object.keys(changes).every((fieldId) => stamps.has(fieldId));
        return hiddenOnly
          ? []
          : [{ version: entry.version, action: entry.action, actor: entry.actor, at: entry.at, changes }];
      });
      return { entries };
    },
  );

  app.post<{ Params: { recordId: string }; Body: { fieldId: string; fromVersion: number } }>(
    '/api/v1/records/:recordId/history/restore',
    {
      schema: {
        tags: [TAG],
        summary: 'Give a field back the value it had at an earlier version',
        description:
          'Needs `edit` on the row and write access to the field; REQUIRES `If-Match`. Written as a new version ' +
          '(history is never rewritten), validated like any change.',
        params: recordParams,
        headers: ifMatchHeaders,
        body: {
          type: 'object',
          required: ['fieldId', 'fromVersion'],
          additionalProperties: false,
          properties: {
            fieldId: { type: 'string', minLength: 1, maxLength: 200 },
            fromVersion: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
          },
        },
        response: { 200: recordSchema, ...problems(400, 401, 403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'edit');
      if (!found) return reply;
      const expected = preconditionOf(request, reply, true);
      if (expected === undefined || expected === null) return reply;
      const { scope, record } = found;
      const locale = preferredLocale(request.headers['accept-language']);
      const { fieldId, fromVersion } = request.body;
      if (!formWriteInfo(scope.form.definition).fields.has(fieldId)) {
        const item = recordItem(locale, 'fieldId', 'UNKNOWN_FIELD', { field: fieldId });
        return badRequest(reply, 'UNKNOWN_FIELD', [item], item.message);
      }
      if (!scope.access.full && !scope.access.writableFor.edit.has(fieldId)) {
        const item = recordItem(locale, 'fieldId', 'FIELD_NOT_WRITABLE', { field: fieldId });
        return sendProblem(reply, { status: 403, title: 'Forbidden', code: 'FIELD_NOT_WRITABLE', errors: [item] });
      }
      const entries = ctx.store.records.listHistory(scope.actor.workspaceId, record.id);
      if (!entries.some((entry) => entry.version === fromVersion)) {
        return notFound(reply, `version ${String(fromVersion)} of this record`);
      }
      const value = valueAtVersion(entries, fieldId, fromVersion);
      const prepared = prepareUpdate(ctx, scope, record, { [fieldId]: value }, expected, '', locale);
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
