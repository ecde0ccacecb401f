import type { Database, Statement } from 'better-sqlite3';

/**
 * The hidden form id an allOrNothing import stages its new records under: every read of records is scoped to a
 * real form id, so staged rows are invisible until `publishStaged` moves them to the form in one statement. Their
 * unique values are claimed under the real form at once (the import reserves them: a concurrent write of the same
 * value is a conflict), so publishing cannot conflict.
 */
export function stagingFormId(jobId: string): string {
  return `~import:${jobId}`;
}

type StagingStatements = {
  moveRecords: Statement<[string, string, string]>;
  ids: Statement<[string, string], { id: string }>;
  dropUniques: Statement<[string, string, string, number]>;
  dropRecords: Statement<[string, string, number]>;
};

const cache = new WeakMap<Database, StagingStatements>();

function statements(db: Database): StagingStatements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    moveRecords: db.prepare('UPDATE records SET form_id = ? WHERE workspace_id = ? AND form_id = ?'),
    ids: db.prepare('SELECT id FROM records WHERE workspace_id = ? AND form_id = ? ORDER BY id'),
    dropUniques: db.prepare(
      `DELETE FROM unique_values WHERE workspace_id = ? AND record_id IN
         (SELECT id FROM records WHERE workspace_id = ? AND form_id = ? ORDER BY id LIMIT ?)`,
    ),
    dropRecords: db.prepare(
      `DELETE FROM records WHERE id IN (SELECT id FROM records WHERE workspace_id = ? AND form_id = ? ORDER BY id LIMIT ?)`,
    ),
  };
  cache.set(db, s);
  return s;
}

/** Ids of the staged records, in creation (= row) order. */
export function stagedIds(db: Database, workspaceId: string, staging: string): string[] {
  return statements(db)
    .ids.all(workspaceId, staging)
    .map((r) => r.id);
}

/** Makes the staged records part of the form (one statement). Call inside the transaction that finishes the job. */
export function publishStaged(db: Database, workspaceId: string, formId: string, staging: string): number {
  return statements(db).moveRecords.run(formId, workspaceId, staging).changes;
}

/**
 * Deletes staged records (and their unique values), `batch` at a time, each batch its own short transaction so
 * other writers get in between. Returns how many were deleted. Used when an allOrNothing import fails or is cancelled,
 * and at start-up for jobs a previous process left unfinished.
 */
export function discardStaged(db: Database, workspaceId: string, staging: string, batch = 5000): number {
  const s = statements(db);
  let total = 0;
  for (;;) {
    const deleted = db
      .transaction(() => {
        s.dropUniques.run(workspaceId, workspaceId, staging, batch);
        return s.dropRecords.run(workspaceId, staging, batch).changes;
      })
      .immediate();
    total += deleted;
    if (deleted < batch) return total;
  }
}
