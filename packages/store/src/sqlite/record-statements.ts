import type { Database } from 'better-sqlite3';

/** A `records` row as read (the `search` shadow is write-only here). */
export type RecordRow = {
  id: string;
  workspace_id: string;
  form_id: string;
  form_version: number;
  data: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  deleted_at: string | null;
};

export type HistoryRow = {
  record_id: string;
  version: number;
  action: string;
  actor: string | null;
  at: string;
  changes: string;
};

type NewRecordRow = Omit<RecordRow, 'version' | 'deleted_at'> & { search: string };

/**
 * The records hot paths, prepared once per connection (DESIGN §6: unprepared inserts measured 7× slower).
 * Every read and write carries the workspace predicate (RELIABILITY H4). This is the only place their SQL lives;
 * a PostgreSQL dialect provides the same object. JSON columns take the text callers made with `JSON.stringify`
 * (always valid and minified), so the hot inserts don't wrap it in SQLite's `json()`, which parses it again.
 */
export type RecordStatements = ReturnType<typeof prepareRecordStatements>;

const RECORD_COLUMNS =
  'id, workspace_id, form_id, form_version, data, version, created_by, created_at, updated_by, updated_at, deleted_at';

export function prepareRecordStatements(db: Database) {
  const insertRecord = db.prepare<[NewRecordRow]>(
    `INSERT INTO records (id, workspace_id, form_id, form_version, data, search, version,
       created_by, created_at, updated_by, updated_at)
     VALUES (@id, @workspace_id, @form_id, @form_version, @data, @search, 1,
       @created_by, @created_at, @updated_by, @updated_at)`,
  );
  const getRecord = db.prepare<[string, string], RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE id = ? AND workspace_id = ?`,
  );
  const updateData = db.prepare<[number, string, string, string | null, string, string, string, number]>(
    `UPDATE records SET form_version = ?, data = ?, search = ?, version = version + 1, updated_by = ?,
       updated_at = ?
     WHERE id = ? AND workspace_id = ? AND version = ? AND deleted_at IS NULL`,
  );
  const moveToBin = db.prepare<[string, string | null, string, string, string, number]>(
    `UPDATE records SET deleted_at = ?, version = version + 1, updated_by = ?, updated_at = ?
     WHERE id = ? AND workspace_id = ? AND version = ? AND deleted_at IS NULL`,
  );
  const restoreFromBin = db.prepare<[string | null, string, string, string, number]>(
    `UPDATE records SET deleted_at = NULL, version = version + 1, updated_by = ?, updated_at = ?
     WHERE id = ? AND workspace_id = ? AND version = ? AND deleted_at IS NOT NULL`,
  );
  const insertHistory = db.prepare<[string, string, number, string, string | null, string, string]>(
    `INSERT INTO record_history (workspace_id, record_id, version, action, actor, at, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const listHistory = db.prepare<[string, string], HistoryRow>(
    `SELECT record_id, version, action, actor, at, changes FROM record_history
     WHERE workspace_id = ? AND record_id = ? ORDER BY version`,
  );
  const claimUnique = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO unique_values (workspace_id, form_id, field_id, value_folded, record_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, form_id, field_id, value_folded) DO NOTHING`,
  );
  const findUnique = db.prepare<[string, string, string, string], { record_id: string }>(
    `SELECT record_id FROM unique_values
     WHERE workspace_id = ? AND form_id = ? AND field_id = ? AND value_folded = ?`,
  );
  const releaseUnique = db.prepare<[string, string, string]>(
    'DELETE FROM unique_values WHERE workspace_id = ? AND record_id = ? AND field_id = ?',
  );
  const nextSerial = db.prepare<[string, string, string, string], { value: number }>(
    `INSERT INTO serial_counters (workspace_id, form_id, field_id, period, value) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (workspace_id, form_id, field_id, period) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const binPage = db.prepare<[string, string, string, string, string, number], RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE workspace_id = ? AND form_id = ? AND deleted_at IS NOT NULL
       AND (deleted_at < ? OR (deleted_at = ? AND id < ?))
     ORDER BY deleted_at DESC, id DESC LIMIT ?`,
  );
  const insertOutbox = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO outbox (workspace_id, topic, payload, created_at, available_at, attempts, status)
     VALUES (?, ?, ?, ?, ?, 0, 'pending')`,
  );

  // One wrapper for every call: better-sqlite3 builds a new one per `db.transaction(fn)` (~7 µs per create).
  const inTransaction = db.transaction((fn: () => unknown) => fn());

  return {
    /** Runs `fn` in one IMMEDIATE transaction (the write lock is taken at BEGIN, so writers queue, never deadlock). */
    transaction: <T>(fn: () => T): T => inTransaction.immediate(fn) as T,
    insertRecord: (row: NewRecordRow): void => void insertRecord.run(row),
    getRecord: (workspaceId: string, id: string): RecordRow | undefined => getRecord.get(id, workspaceId),
    /**
     * Writes new data and the form version it was written with, if the record is live and still at
     * `expectedVersion`; false otherwise (the lost-update check).
     */
    updateData: (
      workspaceId: string,
      id: string,
      expectedVersion: number,
      formVersion: number,
      data: string,
      search: string,
      actor: string | null,
      at: string,
    ): boolean => updateData.run(formVersion, data, search, actor, at, id, workspaceId, expectedVersion).changes === 1,
    moveToBin: (workspaceId: string, id: string, expectedVersion: number, actor: string | null, at: string): boolean =>
      moveToBin.run(at, actor, at, id, workspaceId, expectedVersion).changes === 1,
    restoreFromBin: (
      workspaceId: string,
      id: string,
      expectedVersion: number,
      actor: string | null,
      at: string,
    ): boolean => restoreFromBin.run(actor, at, id, workspaceId, expectedVersion).changes === 1,
    insertHistory: (
      workspaceId: string,
      recordId: string,
      version: number,
      action: string,
      actor: string | null,
      at: string,
      changes: string,
    ): void => void insertHistory.run(workspaceId, recordId, version, action, actor, at, changes),
    listHistory: (workspaceId: string, recordId: string): HistoryRow[] => listHistory.all(workspaceId, recordId),
    /** Claims a unique value for a record; returns the id of the record that already holds it, if any. */
    claimUnique: (
      workspaceId: string,
      formId: string,
      fieldId: string,
      valueFolded: string,
      recordId: string,
    ): string | undefined => {
      if (claimUnique.run(workspaceId, formId, fieldId, valueFolded, recordId).changes === 1) return undefined;
      return findUnique.get(workspaceId, formId, fieldId, valueFolded)?.record_id ?? '';
    },
    releaseUnique: (workspaceId: string, recordId: string, fieldId: string): void =>
      void releaseUnique.run(workspaceId, recordId, fieldId),
    /**
     * The next number of a (workspace, form, field, period) counter: one atomic upsert inside the caller's
     * transaction.
     */
    nextSerial: (workspaceId: string, formId: string, fieldId: string, period: string): number => {
      const row = nextSerial.get(workspaceId, formId, fieldId, period);
      if (!row) throw new Error('serial counter upsert returned no row');
      return row.value;
    },
    /** A page of a form's recycle bin, most recently deleted first, after `(deletedAt, id)` (exclusive). */
    binPage: (workspaceId: string, formId: string, deletedAt: string, id: string, limit: number): RecordRow[] =>
      binPage.all(workspaceId, formId, deletedAt, deletedAt, id, limit),
    insertOutbox: (workspaceId: string, topic: string, payload: string, at: string): void =>
      void insertOutbox.run(workspaceId, topic, payload, at, at),
  };
}
