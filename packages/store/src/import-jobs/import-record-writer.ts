import type { Database } from 'better-sqlite3';
import { RecordRepository } from '../records/record-repository.js';
import type {
  RecordData,
  SerialFieldSpec,
  StoredRecord,
  UniqueConflict,
  UpdateRecordResult,
} from '../records/record-types.js';
import { searchShadow } from '../records/search-shadow.js';
import { formatSerial, serialPeriod } from '../records/serial-number.js';
import { uniqueKey } from '../records/unique-key.js';
import { prepareRecordStatements } from '../sqlite/record-statements.js';
import type { WriterLock } from '../sqlite/writer-lock.js';
import { createIdSource } from './import-ids.js';

/** The form an import writes into, and who writes. */
export type ImportWriteTarget = {
  workspaceId: string;
  formId: string;
  formVersion: number;
  actor: string | null;
  /** Fields whose folded value must be unique within the form (查重). */
  uniqueFields: readonly string[];
  serialFields?: readonly SerialFieldSpec[];
  /**
   * allOrNothing: new records are written under this hidden form id (`stagingFormId`) and published at the end; their
   * unique values are claimed under the real form at once (reserved, so publishing cannot conflict).
   */
  stagingFormId?: string;
  /** Shared with the server's connection (see `WriterLock`): each transaction holds it. */
  writerLock?: WriterLock;
};

export type ImportInsertResult = { ok: true; id: string } | UniqueConflict;

/**
 * A new record's stored text, computed before the write (no database access): the data JSON, the search shadow
 * JSON and the folded key of each unique field (null when empty), in `uniqueFields` order.
 */
export type PreparedRecord = { data: string; search: string; keys: (string | null)[] };

/**
 * The stored text of a new record (no database access, so any thread may compute it): what
 * `ImportRecordWriter.insertPrepared` writes for a form without serial fields.
 */
export function prepareRecord(data: RecordData, uniqueFields: readonly string[]): PreparedRecord {
  return {
    data: JSON.stringify(data),
    search: JSON.stringify(searchShadow(data)),
    keys: uniqueFields.map((fieldId) => uniqueKey(data[fieldId])),
  };
}

/**
 * The bulk write path of an import, on the importer's own connection. A created record is exactly what
 * `RecordRepository.createRecord` stores (same columns, search shadow, folded unique values, gap-free serials), but
 * uniqueness is checked BEFORE the insert, so no per-row savepoint is needed, and statements are positional. Two
 * documented differences: no per-record 'create' history entry (the job writes one audit entry instead, and the
 * record keeps created_by/created_at), and ids come from a pooled UUIDv7 source. Updates (dedupe) go through
 * `RecordRepository.updateRecord` unchanged, history included. Call `insert`/`update` inside `transaction`.
 */
export class ImportRecordWriter {
  private readonly records: RecordRepository;
  private readonly nextId = createIdSource();
  private readonly statements;
  private readonly serialStems = new Map<string, { at: number; stem: string; period: string }>();

  constructor(
    private readonly db: Database,
    private readonly target: ImportWriteTarget,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.records = new RecordRepository(prepareRecordStatements(db), now);
    this.statements = {
      holder: db.prepare<[string, string, string, string], { record_id: string }>(
        `SELECT record_id FROM unique_values
         WHERE workspace_id = ? AND form_id = ? AND field_id = ? AND value_folded = ?`,
      ),
      insert: db.prepare<
        [string, string, string, number, string, string, string | null, string, string | null, string]
      >(
        `INSERT INTO records (id, workspace_id, form_id, form_version, data, search, version,
           created_by, created_at, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      ),
      claim: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO unique_values (workspace_id, form_id, field_id, value_folded, record_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workspace_id, form_id, field_id, value_folded) DO NOTHING`,
      ),
      nextSerial: db.prepare<[string, string, string, string], { value: number }>(
        `INSERT INTO serial_counters (workspace_id, form_id, field_id, period, value) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (workspace_id, form_id, field_id, period) DO UPDATE SET value = value + 1 RETURNING value`,
      ),
      audit: db.prepare<[string, string | null, string, string, string, string, string]>(
        `INSERT INTO audit_log (workspace_id, actor, action, target_type, target_id, detail, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Runs `fn` in one IMMEDIATE transaction of the importer's connection, holding the writer lock when given. */
  transaction<T>(fn: () => T): T {
    const lock = this.target.writerLock;
    const run = () => this.db.transaction(fn).immediate();
    return lock ? lock.run(run) : run();
  }

  /** The record that holds a folded unique value of `fieldId`, if any (sees this transaction's own writes). */
  holder(fieldId: string, key: string): string | undefined {
    const { workspaceId, formId } = this.target;
    return this.statements.holder.get(workspaceId, formId, fieldId, key)?.record_id;
  }

  /** Whether created records need the database to be complete (serial numbers are issued at write time). */
  get preparable(): boolean {
    return (this.target.serialFields?.length ?? 0) === 0;
  }

  /** The stored text of a new record, ready for `insertPrepared` (forms without serial fields: `preparable`). */
  prepare(data: RecordData): PreparedRecord {
    return prepareRecord(data, this.target.uniqueFields);
  }

  /**
   * Creates a record from validated data: checks every unique field first (a conflict writes nothing), fills serial
   * numbers, inserts, claims the unique values.
   */
  insert(data: RecordData): ImportInsertResult {
    const serials = this.target.serialFields;
    if (!serials || serials.length === 0) return this.insertPrepared(this.prepare(data));
    const keys = this.target.uniqueFields.map((fieldId) => uniqueKey(data[fieldId]));
    const conflict = this.conflict(keys);
    if (conflict) return conflict;
    const now = this.now();
    const stored = { ...data };
    for (const spec of serials) stored[spec.fieldId] = this.serial(spec, now);
    return this.write(JSON.stringify(stored), JSON.stringify(searchShadow(stored)), keys, now);
  }

  /** `insert` for a record prepared beforehand (`prepare`). */
  insertPrepared(prepared: PreparedRecord): ImportInsertResult {
    if (!this.preparable) throw new Error('a form with serial fields needs insert()');
    return this.conflict(prepared.keys) ?? this.write(prepared.data, prepared.search, prepared.keys, this.now());
  }

  private conflict(keys: readonly (string | null)[]): UniqueConflict | undefined {
    const { uniqueFields } = this.target;
    for (let i = 0; i < uniqueFields.length; i++) {
      const key = keys[i];
      if (key === null || key === undefined) continue;
      const existingRecordId = this.holder(uniqueFields[i]!, key);
      if (existingRecordId !== undefined) {
        return { ok: false, reason: 'UNIQUE_CONFLICT', fieldId: uniqueFields[i]!, existingRecordId };
      }
    }
    return undefined;
  }

  private write(data: string, search: string, keys: readonly (string | null)[], now: Date): ImportInsertResult {
    const { workspaceId, formId, formVersion, actor, uniqueFields } = this.target;
    const at = now.toISOString();
    const id = this.nextId(now.getTime());
    const recordForm = this.target.stagingFormId ?? formId;
    this.statements.insert.run(id, workspaceId, recordForm, formVersion, data, search, actor, at, actor, at);
    for (let i = 0; i < uniqueFields.length; i++) {
      const key = keys[i];
      if (key === null || key === undefined) continue;
      if (this.statements.claim.run(workspaceId, formId, uniqueFields[i]!, key, id).changes !== 1) {
        // Checked in this same transaction: only a duplicate field id in `uniqueFields` gets here.
        throw new Error(`unique value of ${uniqueFields[i]!} claimed twice`);
      }
    }
    return { ok: true, id };
  }

  /** A live record of the target's workspace. */
  get(id: string): StoredRecord | undefined {
    return this.records.getRecord(this.target.workspaceId, id);
  }

  /** Patches an existing record through the store's own update (optimistic version, history, unique values). */
  update(id: string, expectedVersion: number, patch: RecordData): UpdateRecordResult {
    const { workspaceId, formVersion, actor, uniqueFields } = this.target;
    return this.records.updateRecord({ workspaceId, id, expectedVersion, formVersion, patch, actor, uniqueFields });
  }

  /** One audit entry (e.g. `records.imported` for a finished job). */
  audit(action: string, targetType: string, targetId: string, detail: unknown): void {
    const { workspaceId, actor } = this.target;
    const at = this.now().toISOString();
    this.statements.audit.run(workspaceId, actor, action, targetType, targetId, JSON.stringify(detail), at);
  }

  /** The next serial number: the counter upsert per record, the date stem computed once per second. */
  private serial(spec: SerialFieldSpec, now: Date): string {
    const second = Math.floor(now.getTime() / 1000);
    let cached = this.serialStems.get(spec.fieldId);
    if (!cached || cached.at !== second) {
      const digits = spec.digits ?? 4;
      const zero = formatSerial(spec, now, 0);
      cached = { at: second, stem: zero.slice(0, zero.length - digits), period: serialPeriod(spec, now) };
      this.serialStems.set(spec.fieldId, cached);
    }
    const { workspaceId, formId } = this.target;
    const row = this.statements.nextSerial.get(workspaceId, formId, spec.fieldId, cached.period);
    if (!row) throw new Error('serial counter upsert returned no row');
    return `${cached.stem}${String(row.value).padStart(spec.digits ?? 4, '0')}`;
  }
}
