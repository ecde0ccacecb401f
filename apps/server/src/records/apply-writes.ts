import type { StoredRecord } from '@formflow/store';
import type { FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { propagateRelationChanges } from '../relations/index.js';
import { formWriteInfo } from './form-write-info.js';
import type { CreatePlan, UpdatePlan } from './write-pipeline.js';

export type RecordTopic = 'record.created' | 'record.updated' | 'record.deleted' | 'record.restored';

/** Why a planned write could not be applied (found inside the transaction). */
export type ApplyConflict =
  | { reason: 'UNIQUE_CONFLICT'; fieldId: string; existingRecordId: string }
  | { reason: 'VERSION_CONFLICT'; current: StoredRecord }
  | { reason: 'NOT_FOUND' };

export type Applied = { ok: true; record: StoredRecord; changed: boolean } | { ok: false; conflict: ApplyConflict };

/** After a write, inside its transaction: derived values of linked records, then the outbox message. */
export function afterWrite(ctx: ServerContext, scope: FormScope, record: StoredRecord, topic: RecordTopic): void {
  const { workspaceId, memberId } = scope.actor;
  propagateRelationChanges(ctx, workspaceId, record.formId, record.id, memberId, {
    created: topic === 'record.created',
    form: scope.form,
  });
  const payload = { formId: record.formId, recordId: record.id, version: record.version };
  ctx.store.records.enqueueOutbox(workspaceId, { topic, payload }, record.updatedAt);
}

/** Creates a planned record. Call inside a transaction (`ctx.writes.run`). */
export function applyCreate(ctx: ServerContext, scope: FormScope, plan: CreatePlan): Applied {
  const info = formWriteInfo(scope.form.definition);
  const result = ctx.store.records.createRecord({
    workspaceId: scope.actor.workspaceId,
    formId: scope.form.formId,
    formVersion: scope.form.version,
    data: plan.data,
    actor: scope.actor.memberId,
    uniqueFields: info.unique,
    serialFields: info.serials,
  });
  if (!result.ok) return { ok: false, conflict: result };
  afterWrite(ctx, scope, result.record, 'record.created');
  return { ok: true, record: result.record, changed: true };
}

/** Applies a planned change (nothing when the patch is empty). Call inside a transaction (`ctx.writes.run`). */
export function applyUpdate(ctx: ServerContext, scope: FormScope, plan: UpdatePlan): Applied {
  if (Object.keys(plan.patch).length === 0) return { ok: true, record: plan.record, changed: false };
  const result = ctx.store.records.updateRecord({
    workspaceId: scope.actor.workspaceId,
    id: plan.record.id,
    expectedVersion: plan.expectedVersion,
    formVersion: scope.form.version,
    patch: plan.patch,
    actor: scope.actor.memberId,
    uniqueFields: formWriteInfo(scope.form.definition).unique,
  });
  if (!result.ok) return { ok: false, conflict: result };
  afterWrite(ctx, scope, result.record, 'record.updated');
  return { ok: true, record: result.record, changed: true };
}
