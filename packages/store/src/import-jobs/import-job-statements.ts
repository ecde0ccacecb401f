import type { Database, Statement } from 'better-sqlite3';

/** An `import_jobs` row as read (without the `errors` report, which is read on its own). */
export type ImportJobRow = {
  id: string;
  workspace_id: string;
  form_id: string;
  status: string;
  mode: string;
  file_name: string | null;
  total_rows: number | null;
  rows_done: number;
  rows_imported: number;
  rows_updated: number;
  rows_skipped: number;
  rows_failed: number;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  updated_at: string;
  finished_at: string | null;
};

const COLUMNS = `id, workspace_id, form_id, status, mode, file_name, total_rows, rows_done, rows_imported, rows_updated,
  rows_skipped, rows_failed, error, created_by, created_at, started_at, updated_at, finished_at`;

type CountParams = [number | null, number, number, number, number, number];

export type ImportJobStatements = {
  insert: Statement<[string, string, string, string, string | null, string | null, string, string]>;
  get: Statement<[string, string], ImportJobRow>;
  errors: Statement<[string, string], { errors: string }>;
  start: Statement<[number | null, string, string, string]>;
  progress: Statement<[...CountParams, string, string]>;
  finish: Statement<[string, ...CountParams, string, string | null, string, string, string]>;
  cancelQueued: Statement<[string, string, string, string]>;
  unfinished: Statement<[], { id: string; workspace_id: string; created_by: string | null }>;
  failUnfinished: Statement<[string, string, string]>;
};

/** The SQL of import jobs, prepared once per connection. Every read and write outside recovery is by workspace. */
export function prepareImportJobStatements(db: Database): ImportJobStatements {
  return {
    insert: db.prepare<[string, string, string, string, string | null, string | null, string, string]>(
      `INSERT INTO import_jobs (id, workspace_id, form_id, status, mode, file_name, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string, string], ImportJobRow>(
      `SELECT ${COLUMNS} FROM import_jobs WHERE id = ? AND workspace_id = ?`,
    ),
    errors: db.prepare<[string, string], { errors: string }>(
      'SELECT errors FROM import_jobs WHERE id = ? AND workspace_id = ?',
    ),
    start: db.prepare<[number | null, string, string, string]>(
      `UPDATE import_jobs SET status = 'running', total_rows = ?, started_at = ?, updated_at = ?
       WHERE id = ? AND status = 'queued'`,
    ),
    progress: db.prepare<[...CountParams, string, string]>(
      `UPDATE import_jobs SET total_rows = ?, rows_done = ?, rows_imported = ?, rows_updated = ?, rows_skipped = ?,
         rows_failed = ?, updated_at = ?
       WHERE id = ? AND status = 'running'`,
    ),
    finish: db.prepare<[string, ...CountParams, string, string | null, string, string, string]>(
      `UPDATE import_jobs SET status = ?, total_rows = ?, rows_done = ?, rows_imported = ?, rows_updated = ?,
         rows_skipped = ?, rows_failed = ?, errors = ?, error = ?, updated_at = ?, finished_at = ?
       WHERE id = ? AND status IN ('queued', 'running')`,
    ),
    cancelQueued: db.prepare<[string, string, string, string]>(
      `UPDATE import_jobs SET status = 'cancelled', updated_at = ?, finished_at = ?
       WHERE id = ? AND workspace_id = ? AND status = 'queued'`,
    ),
    unfinished: db.prepare<[], { id: string; workspace_id: string; created_by: string | null }>(
      `SELECT id, workspace_id, created_by FROM import_jobs WHERE status IN ('queued', 'running')`,
    ),
    failUnfinished: db.prepare<[string, string, string]>(
      `UPDATE import_jobs SET status = 'failed', error = ?, updated_at = ?, finished_at = ?
       WHERE status IN ('queued', 'running')`,
    ),
  };
}
