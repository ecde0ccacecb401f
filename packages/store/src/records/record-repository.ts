import { uuidV7 } from '../ids/uuid-v7.js';
import type { RecordRow, RecordStatements } from '../sqlite/record-statements.js';
import { applyPatch, initialChanges } from './diff-data.js';
import type {
  CreateRecordInput,
  CreateRecordResult,
  FieldChange,
  HistoryAction,
  HistoryEntry,
  JsonValue,
  OutboxMessage,
  RecordData,
  RecycleInput,
  RecycleResult,
  RestoreFieldInput,
  StoredRecord,
  UniqueConflict,
  UpdateRecordInput,
  UpdateRecordResult,
} from './record-types.js';
import { searchShadow } from './search-shadow.js';
import { formatSerial, serialPeriod } from './serial-number.js';
import { uniqueKey } from './unique-key.js';

/** Thrown inside a write transaction to roll it back and hand a result to the caller. */
class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rollback');
  }
}

function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    formId: row.form_id,
    formVersion: row.form_version,
    data: JSON.parse(row.data) as RecordData,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what} is not JSON-serialisable`);
  return text;
}

/**
 * Records: create, read, update (optimistic, by version), recycle bin, history. Every write is ONE transaction:
 * the record, its history entry, unique values, serial numbers and outbox rows commit together or not at all.
 * The store persists; validating data against the form is the server's job (engine `validateRecord`).
 */
export class RecordRepository {
  constructor(
    private readonly sql: RecordStatements,
    private readonly now: () => Date = () => new Date(),
  ) {}

  createRecord(input: CreateRecordInput): CreateRecordResult {
    return this.write(() => {
      const now = this.now();
      const at = now.toISOString();
      const id = uuidV7(now.getTime());
      const data: RecordData = { ...input.data };
      for (const spec of input.serialFields ?? []) {
        const counter = this.sql.nextSerial(input.workspaceId, input.formId, spec.fieldId, serialPeriod(spec, now));
        data[spec.fieldId] = formatSerial(spec, now, counter);
      }
      const { workspaceId, formId, formVersion, actor } = input;
      this.sql.insertRecord({
        id,
        workspace_id: workspaceId,
        form_id: formId,
        form_version: formVersion,
        data: toJson(data, 'record data'),
        search: toJson(searchShadow(data), 'search shadow'),
        created_by: actor,
        created_at: at,
        updated_by: actor,
        updated_at: at,
      });
      this.history(workspaceId, id, 1, 'create', actor, at, initialChanges(data));
      this.claimUniques(workspaceId, formId, id, input.uniqueFields ?? [], data);
      this.enqueue(workspaceId, input.outbox, at);
      const record: StoredRecord = {
        id,
        workspaceId,
        formId,
        formVersion,
        data,
        version: 1,
        createdBy: actor,
        createdAt: at,
        updatedBy: actor,
        updatedAt: at,
        deletedAt: null,
      };
      return { ok: true, record };
    });
  }

  /** A live record of this workspace (a record of another workspace is simply not found). */
  getRecord(workspaceId: string, id: string, options: { includeDeleted?: boolean } = {}): StoredRecord | undefined {
    const row = this.sql.getRecord(workspaceId, id);
    if (!row || (row.deleted_at !== null && !options.includeDeleted)) return undefined;
    return toRecord(row);
  }

  updateRecord(input: UpdateRecordInput): UpdateRecordResult {
    return this.write((): UpdateRecordResult => {
      const { workspaceId, id, expectedVersion, formVersion, actor } = input;
      const row = this.sql.getRecord(workspaceId, id);
      if (!row || row.deleted_at !== null) return { ok: false, reason: 'NOT_FOUND' };
      const current = toRecord(row);
      const { next, changes } = applyPatch(current.data, input.patch);
      if (Object.keys(changes).length === 0) {
        return current.version === expectedVersion
          ? { ok: true, record: current }
          : { ok: false, reason: 'VERSION_CONFLICT', current };
      }
      const at = this.now().toISOString();
      const dataJson = toJson(next, 'record data');
      const searchJson = toJson(searchShadow(next), 'search shadow');
      // The one guarded UPDATE decides a lost update (RELIABILITY C1): a stale version writes nothing.
      if (!this.sql.updateData(workspaceId, id, expectedVersion, formVersion, dataJson, searchJson, actor, at)) {
        return { ok: false, reason: 'VERSION_CONFLICT', current };
      }
      const version = expectedVersion + 1;
      this.history(workspaceId, id, version, 'update', actor, at, changes);
      const touched = (input.uniqueFields ?? []).filter((fieldId) => Object.hasOwn(changes, fieldId));
      for (const fieldId of touched) this.sql.releaseUnique(workspaceId, id, fieldId);
      this.claimUniques(workspaceId, current.formId, id, touched, next);
      this.enqueue(workspaceId, input.outbox, at);
      return { ok: true, record: { ...current, formVersion, data: next, version, updatedBy: actor, updatedAt: at } };
    });
  }

  /** Moves a live record to the recycle bin. Its unique values stay claimed until it is purged. */
  deleteRecord(input: RecycleInput): RecycleResult {
    return this.recycle(input, 'delete');
  }

  /** Brings a record back from the recycle bin. */
  restoreRecord(input: RecycleInput): RecycleResult {
    return this.recycle(input, 'restore');
  }

  listHistory(workspaceId: string, recordId: string): HistoryEntry[] {
    return this.sql.listHistory(workspaceId, recordId).map((row) => ({
      recordId: row.record_id,
      version: row.version,
      action: row.action as HistoryAction,
      actor: row.actor,
      at: row.at,
      changes: JSON.parse(row.changes) as Record<string, FieldChange>,
    }));
  }

  /**
   * Gives a field back the value it had at `fromVersion`, as a new version (history is never rewritten).
   * NOT_FOUND when the record or that version does not exist in this workspace.
   */
  restoreFieldFromHistory(input: RestoreFieldInput): UpdateRecordResult {
    const entries = this.listHistory(input.workspaceId, input.recordId);
    if (!entries.some((entry) => entry.version === input.fromVersion)) return { ok: false, reason: 'NOT_FOUND' };
    let value: JsonValue = null;
    for (const entry of entries) {
      const change = entry.version <= input.fromVersion ? entry.changes[input.fieldId] : undefined;
      if (change) value = change.after;
    }
    return this.updateRecord({
      workspaceId: input.workspaceId,
      id: input.recordId,
      expectedVersion: input.expectedVersion,
      formVersion: input.formVersion,
      patch: { [input.fieldId]: value },
      actor: input.actor,
      uniqueFields: input.uniqueFields,
    });
  }

  private recycle(input: RecycleInput, action: 'delete' | 'restore'): RecycleResult {
    return this.write((): RecycleResult => {
      const { workspaceId, id, actor } = input;
      const row = this.sql.getRecord(workspaceId, id);
      if (!row || (row.deleted_at === null) !== (action === 'delete')) return { ok: false, reason: 'NOT_FOUND' };
      const current = toRecord(row);
      const expected = input.expectedVersion ?? current.version;
      const at = this.now().toISOString();
      const moved =
        action === 'delete'
          ? this.sql.moveToBin(workspaceId, id, expected, actor, at)
          : this.sql.restoreFromBin(workspaceId, id, expected, actor, at);
      if (!moved) return { ok: false, reason: 'VERSION_CONFLICT', current };
      const version = expected + 1;
      this.history(workspaceId, id, version, action, actor, at, {});
      this.enqueue(workspaceId, input.outbox, at);
      const deletedAt = action === 'delete' ? at : null;
      return { ok: true, record: { ...current, version, updatedBy: actor, updatedAt: at, deletedAt } };
    });
  }

  private write<T>(fn: () => T): T {
    try {
      return this.sql.transaction(fn);
    } catch (error) {
      if (error instanceof Rollback) return error.result as T;
      throw error;
    }
  }

  private history(
    workspaceId: string,
    recordId: string,
    version: number,
    action: HistoryAction,
    actor: string | null,
    at: string,
    changes: Record<string, FieldChange>,
  ): void {
    this.sql.insertHistory(workspaceId, recordId, version, action, actor, at, toJson(changes, 'history changes'));
  }

  private claimUniques(
    workspaceId: string,
    formId: string,
    recordId: string,
    fieldIds: readonly string[],
    data: RecordData,
  ): void {
    for (const fieldId of fieldIds) {
      const key = uniqueKey(data[fieldId]);
      if (key === null) continue;
      const existingRecordId = this.sql.claimUnique(workspaceId, formId, fieldId, key, recordId);
      if (existingRecordId !== undefined) {
        const conflict: UniqueConflict = { ok: false, reason: 'UNIQUE_CONFLICT', fieldId, existingRecordId };
        throw new Rollback(conflict);
      }
    }
  }

  /**
   * Queues one outbox message. Call it inside the write's transaction (a `createRecord`… of the same connection runs
   * in one; so does the server's group commit), so it commits or rolls back with the write it announces.
   */
  enqueueOutbox(workspaceId: string, message: OutboxMessage, at: string): void {
    this.sql.insertOutbox(workspaceId, message.topic, toJson(message.payload, 'outbox payload'), at);
  }

  /**
   * Records in a form's recycle bin, most recently deleted first, after the position `(deletedAt, id)` (null: from
   * the newest).
   */
  recycleBinPage(
    workspaceId: string,
    formId: string,
    after: { deletedAt: string; id: string } | null,
    limit: number,
  ): StoredRecord[] {
    // '\uffff' sorts after every ISO timestamp and every id: no position means "from the newest".
    const deletedAt = after?.deletedAt ?? '\uffff';
    const id = after?.id ?? '\uffff';
    return this.sql.binPage(workspaceId, formId, deletedAt, id, limit).map(toRecord);
  }

  private enqueue(workspaceId: string, messages: readonly OutboxMessage[] | undefined, at: string): void {
    for (const message of messages ?? []) this.enqueueOutbox(workspaceId, message, at);
  }
}
