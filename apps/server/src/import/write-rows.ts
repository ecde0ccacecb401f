import type { JsonValue } from '@formflow/schema';
import type { RecordData, SerialFieldSpec, Store } from '@formflow/store';
import type { RowError } from './row-to-values.js';

export type Dedupe = { fieldId: string; onDuplicate: 'skip' | 'update' };

export type WriteTarget = {
  workspaceId: string;
  formId: string;
  formVersion: number;
  actor: string | null;
  uniqueFields: readonly string[];
  serialFields?: readonly SerialFieldSpec[];
  dedupe?: Dedupe;
  /** Field ids present as columns: what an update by `dedupe` may change. */
  columnFieldIds: readonly string[];
  columnOf: ReadonlyMap<string, string>;
};

/** A validated row waiting to be written. */
export type StagedRow = { row: number; values: Record<string, JsonValue> };

export type WriteOutcome = { kind: 'created' | 'updated' | 'skipped' } | { kind: 'failed'; error: RowError };

/** Writes one row with the store's record rules (history, unique values, serials, one savepoint). */
export function writeRow(store: Store, target: WriteTarget, staged: StagedRow): WriteOutcome {
  const data = staged.values as RecordData;
  const created = store.records.createRecord({
    workspaceId: target.workspaceId,
    formId: target.formId,
    formVersion: target.formVersion,
    data,
    actor: target.actor,
    uniqueFields: target.uniqueFields,
    ...(target.serialFields ? { serialFields: target.serialFields } : {}),
  });
  if (created.ok) return { kind: 'created' };
  const { fieldId, existingRecordId } = created;
  if (target.dedupe?.fieldId === fieldId) {
    if (target.dedupe.onDuplicate === 'skip') return { kind: 'skipped' };
    const existing = store.records.getRecord(target.workspaceId, existingRecordId);
    if (existing) {
      const patch: RecordData = {};
      for (const id of target.columnFieldIds) if (Object.hasOwn(data, id)) patch[id] = data[id] ?? null;
      const updated = store.records.updateRecord({
        workspaceId: target.workspaceId,
        id: existingRecordId,
        expectedVersion: existing.version,
        formVersion: target.formVersion,
        patch,
        actor: target.actor,
        uniqueFields: target.uniqueFields,
      });
      if (updated.ok) return { kind: 'updated' };
      if (updated.reason === 'UNIQUE_CONFLICT') return conflict(staged.row, target, updated.fieldId);
    }
    return conflict(staged.row, target, fieldId);
  }
  return conflict(staged.row, target, fieldId);
}

function conflict(row: number, target: WriteTarget, fieldId: string): WriteOutcome {
  const column = target.columnOf.get(fieldId) ?? '';
  return {
    kind: 'failed',
    error: {
      column,
      fieldId,
      code: 'UNIQUE_CONFLICT',
      message: {
        'zh-CN': `第 ${row} 行“${column}”：该值已存在（查重）`,
        en: `Row ${row}, column "${column}": this value already exists (must be unique)`,
      },
    },
  };
}
