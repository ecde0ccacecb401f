/** A JSON value as stored in `records.data`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Record data: `{ fieldId: value }`. Validated by the engine before it reaches the store. */
export type RecordData = { [fieldId: string]: JsonValue };

export type StoredRecord = {
  id: string;
  workspaceId: string;
  formId: string;
  formVersion: number;
  data: RecordData;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
  /** Set while the record is in the recycle bin. */
  deletedAt: string | null;
};

export type FieldChange = { before: JsonValue; after: JsonValue };

/** What wrote a history entry; `type_change` is a schema change converting the field's values (DESIGN §3). */
export type HistoryAction = 'create' | 'update' | 'delete' | 'restore' | 'type_change';

export type HistoryEntry = {
  recordId: string;
  version: number;
  action: HistoryAction;
  actor: string | null;
  at: string;
  changes: { [fieldId: string]: FieldChange };
};

/** A message for the transactional outbox, committed with the write that produced it. */
export type OutboxMessage = { topic: string; payload: unknown };

/** A serial-number (流水号) field to fill on create: `prefix` + date part + counter padded to `digits`. */
export type SerialFieldSpec = {
  fieldId: string;
  prefix?: string;
  digits?: number;
  dateFormat?: 'YYYYMMDD' | 'YYYYMM' | 'YYYY';
  resetEvery?: 'day' | 'month' | 'year' | 'never';
  /** IANA time zone for the date part and the period; default UTC. */
  timeZone?: string;
};

export type UniqueConflict = { ok: false; reason: 'UNIQUE_CONFLICT'; fieldId: string; existingRecordId: string };

export type CreateRecordInput = {
  workspaceId: string;
  formId: string;
  formVersion: number;
  data: RecordData;
  actor: string | null;
  /** Fields whose folded value must be unique within the form, in this workspace (查重). */
  uniqueFields?: readonly string[];
  serialFields?: readonly SerialFieldSpec[];
  outbox?: readonly OutboxMessage[];
};

export type CreateRecordResult = { ok: true; record: StoredRecord } | UniqueConflict;

export type UpdateRecordInput = {
  workspaceId: string;
  id: string;
  expectedVersion: number;
  /** The published form version the patch was validated against; stored on the record (DESIGN §3, review #12). */
  formVersion: number;
  /** Shallow merge into `data`; a `null` value removes the field. */
  patch: RecordData;
  actor: string | null;
  uniqueFields?: readonly string[];
  outbox?: readonly OutboxMessage[];
};

export type UpdateRecordResult =
  | { ok: true; record: StoredRecord }
  | { ok: false; reason: 'NOT_FOUND' }
  | { ok: false; reason: 'VERSION_CONFLICT'; current: StoredRecord }
  | UniqueConflict;

export type RecycleInput = {
  workspaceId: string;
  id: string;
  actor: string | null;
  /** When given, the change applies only at this version (else VERSION_CONFLICT). */
  expectedVersion?: number;
  outbox?: readonly OutboxMessage[];
};

export type RecycleResult =
  | { ok: true; record: StoredRecord }
  | { ok: false; reason: 'NOT_FOUND' }
  | { ok: false; reason: 'VERSION_CONFLICT'; current: StoredRecord };

export type RestoreFieldInput = {
  workspaceId: string;
  recordId: string;
  fieldId: string;
  /** The field gets the value it had at this version. */
  fromVersion: number;
  expectedVersion: number;
  /** The published form version the restored value is written with. */
  formVersion: number;
  actor: string | null;
  uniqueFields?: readonly string[];
};
