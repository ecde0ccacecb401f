import { uuidV7, type Store } from '@formflow/store';
import { prepare, type Statement } from './statement-cache.js';

type Database = Store['db'];

/**
 * The few statements the record routes need that the store's RecordRepository does not offer yet (an outbox row for
 * a record whose id the store just made; a page of the recycle bin). Portable SQL, prepared once per connection,
 * every one with the workspace predicate. TODO(store): move into packages/store's record statements.
 */
type Statements = {
  outbox: Statement;
  bin: Statement;
};

export type BinRow = {
  id: string;
  form_id: string;
  data: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string;
  updated_by: string | null;
};

const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      outbox: prepare(
        db,
        `INSERT INTO outbox (id, workspace_id, topic, payload, created_at, available_at, attempts, status)
         VALUES (?, ?, ?, ?, ?, ?, 0, 'pending')`,
      ),
      bin: prepare(
        db,
        `SELECT id, form_id, data, version, created_by, created_at, updated_at, deleted_at, updated_by FROM records
         WHERE workspace_id = ? AND form_id = ? AND deleted_at IS NOT NULL
           AND (deleted_at < ? OR (deleted_at = ? AND id < ?))
         ORDER BY deleted_at DESC, id DESC LIMIT ?`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Enqueues an outbox message; call it inside the write's transaction so it commits (or not) with the write. */
export function enqueueOutbox(db: Database, workspaceId: string, topic: string, payload: unknown, at: string): void {
  statements(db).outbox.run(uuidV7(), workspaceId, topic, JSON.stringify(payload), at, at);
}

/** Records in the recycle bin of a form, most recently deleted first, after the position `(deletedAt, id)`. */
export function recycleBinPage(
  db: Database,
  workspaceId: string,
  formId: string,
  after: { deletedAt: string; id: string } | null,
  limit: number,
): BinRow[] {
  // '\uffff' sorts after every ISO timestamp and every id: no position means "from the newest".
  const deletedAt = after?.deletedAt ?? '\uffff';
  const id = after?.id ?? '\uffff';
  return statements(db).bin.all(workspaceId, formId, deletedAt, deletedAt, id, limit) as BinRow[];
}
