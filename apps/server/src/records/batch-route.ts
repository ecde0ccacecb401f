import type { FastifyInstance } from 'fastify';
import type { FormAction } from '@formflow/schema';
import { formScope, rowAllowed, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { badRequest, forbidden } from '../http/problems.js';
import { preferredLocale, sendProblem, statusTitle, type ProblemDetails } from '../problem-response.js';
import { applyCreate, applyUpdate, type Applied } from './apply-writes.js';
import { currentState, type CurrentState } from './if-match.js';
import { recordItem } from './record-messages.js';
import { dataSchema, formParams, problems, recordSchema, TAG } from './record-schemas.js';
import { recordView, type RecordView } from './record-view.js';
import { conflictFailure } from './write-failure.js';
import {
  prepareCreate,
  prepareUpdate,
  type CreatePlan,
  type Locale,
  type UpdatePlan,
  type WriteFailure,
} from './write-pipeline.js';

export const MAX_BATCH_ITEMS = 500;

type BatchBody = {
  create?: { data: Record<string, unknown> }[];
  update?: { id: string; version: number; data: Record<string, unknown> }[];
};

type BatchOutcome =
  { ok: true; created: RecordView[]; updated: RecordView[] } | { ok: false; failures: WriteFailure[]; paths: string[] };

/** Which failure speaks for a batch: malformed data, then permission, then missing rows, stale versions, invalid data, uniqueness. */
const PRIORITY: readonly number[] = [400, 403, 404, 412, 422, 409];

const batchBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    create: {
      type: 'array',
      maxItems: MAX_BATCH_ITEMS,
      items: { type: 'object', required: ['data'], additionalProperties: false, properties: { data: dataSchema } },
    },
    update: {
      type: 'array',
      maxItems: MAX_BATCH_ITEMS,
      items: {
        type: 'object',
        required: ['id', 'version', 'data'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 100 },
          version: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
          data: dataSchema,
        },
      },
    },
  },
} as const;

function prepareAll(ctx: ServerContext, scope: FormScope, body: BatchBody, locale: Locale) {
  const failures: { failure: WriteFailure; path: string }[] = [];
  const creates: CreatePlan[] = [];
  const updates: UpdatePlan[] = [];
  (body.create ?? []).forEach((item, i) => {
    const prepared = prepareCreate(ctx, scope, item.data, `create[${String(i)}].`, locale);
    if (prepared.ok) creates.push(prepared.plan);
    else failures.push({ failure: prepared.failure, path: `create[${String(i)}]` });
  });
  const seen = new Set<string>();
  (body.update ?? []).forEach((item, i) => {
    const prefix = `update[${String(i)}].`;
    const record = ctx.store.records.getRecord(scope.actor.workspaceId, item.id);
    if (!record || record.formId !== scope.form.formId || !rowAllowed(ctx, scope, record, 'edit')) {
      const items = [recordItem(locale, `${prefix}id`, 'NOT_FOUND_ITEM')];
      failures.push({ failure: { status: 404, code: 'NOT_FOUND', items }, path: `update[${String(i)}]` });
      return;
    }
    if (seen.has(record.id)) {
      const item = { path: `${prefix}id`, code: 'DUPLICATE_ID', message: `record ${record.id} is updated twice` };
      failures.push({ failure: { status: 422, code: 'INVALID_RECORD', items: [item] }, path: `update[${String(i)}]` });
      return;
    }
    seen.add(record.id);
    const prepared = prepareUpdate(ctx, scope, record, item.data, item.version, prefix, locale);
    if (prepared.ok) updates.push(prepared.plan);
    else failures.push({ failure: prepared.failure, path: `update[${String(i)}]` });
  });
  return { failures, creates, updates };
}

function runBatch(ctx: ServerContext, scope: FormScope, body: BatchBody, locale: Locale): Promise<BatchOutcome> {
  return ctx.writes.run<BatchOutcome>((abort) => {
    const { failures, creates, updates } = prepareAll(ctx, scope, body, locale);
    if (failures.length > 0) {
      return { ok: false, failures: failures.map((f) => f.failure), paths: failures.map((f) => f.path) };
    }
    const createdBy = new Map<string, string>();
    const fail = (applied: Applied & { ok: false }, path: string, expected?: number): never => {
      const failure = conflictFailure(applied.conflict, `${path}.`, locale, expected);
      const c = applied.conflict;
      const other = c.reason === 'UNIQUE_CONFLICT' ? createdBy.get(c.existingRecordId) : undefined;
      if (c.reason === 'UNIQUE_CONFLICT' && other !== undefined) {
        // The holder is part of this (rolled back) batch: name it, not its id.
        failure.items = [
          recordItem(locale, `${path}.data.${c.fieldId}`, 'DUPLICATE_IN_BATCH', { field: c.fieldId, other }),
        ];
        delete failure.existingRecordId;
      }
      return abort({ ok: false, failures: [failure], paths: [path] });
    };
    const created = creates.map((plan, i) => {
      const applied = applyCreate(ctx, scope, plan);
      if (!applied.ok) return fail(applied, `create[${String(i)}]`);
      createdBy.set(applied.record.id, `create[${String(i)}]`);
      return recordView(applied.record, scope.access);
    });
    const updated = updates.map((plan, i) => {
      const applied = applyUpdate(ctx, scope, plan);
      if (!applied.ok) return fail(applied, `update[${String(i)}]`, plan.expectedVersion);
      return recordView(applied.record, scope.access);
    });
    return { ok: true, created, updated };
  });
}

/** `POST /forms/:formId/records/batch`: up to 500 creates and updates, all or nothing in one transaction. */
export function registerBatchRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { formId: string }; Body: BatchBody }>(
    '/api/v1/forms/:formId/records/batch',
    {
      config: { writesRecordsOnly: true },
      schema: {
        tags: [TAG],
        summary: 'Create and update records in one all-or-nothing batch',
        description:
          'Up to 500 items in all. Creating needs `submit`; updating needs `edit` on each row and the version read. ' +
          'One bad item writes nothing; every problem is listed with its path (`create[3].data.phone`).',
        params: formParams,
        body: batchBody,
        response: {
          200: {
            type: 'object',
            required: ['created', 'updated'],
            properties: {
              created: { type: 'array', items: recordSchema },
              updated: { type: 'array', items: recordSchema },
            },
          },
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const locale = preferredLocale(request.headers['accept-language']);
      const body = request.body;
      const total = (body.create?.length ?? 0) + (body.update?.length ?? 0);
      const needed: FormAction[] = [];
      if (body.create?.length) needed.push('submit');
      if (body.update?.length) needed.push('edit');
      const scope = formScope(ctx, request, reply, request.params.formId, needed[0] ?? 'submit');
      if (!scope) return reply;
      const missing = needed.find((action) => !scope.access.actions.has(action));
      if (missing) return forbidden(reply, recordItem(locale, '', 'ACTION_FORBIDDEN', { action: missing }).message);
      if (total === 0 || total > MAX_BATCH_ITEMS) {
        const message = `a batch holds 1 to ${String(MAX_BATCH_ITEMS)} items; this one has ${String(total)}`;
        return badRequest(reply, 'INVALID_BATCH_SIZE', [{ path: 'body', code: 'INVALID_BATCH_SIZE', message }]);
      }
      const outcome = await runBatch(ctx, scope, body, locale);
      if (outcome.ok) return { created: outcome.created, updated: outcome.updated };
      const top = [...outcome.failures].sort((a, b) => PRIORITY.indexOf(a.status) - PRIORITY.indexOf(b.status))[0]!;
      const conflicts = outcome.failures.flatMap((f, i) =>
        f.current ? [{ path: outcome.paths[i]!, current: currentState(f.current, scope.access) }] : [],
      );
      const problem: ProblemDetails & {
        conflicts?: { path: string; current: CurrentState }[];
        existingRecordId?: string;
      } = {
        status: top.status,
        title: statusTitle(top.status),
        code: top.code,
        detail: 'nothing was written: fix every listed item and send the batch again',
        errors: outcome.failures.flatMap((f) => f.items),
      };
      if (conflicts.length > 0) problem.conflicts = conflicts;
      if (top.existingRecordId !== undefined) problem.existingRecordId = top.existingRecordId;
      return sendProblem(reply, problem);
    },
  );
}
