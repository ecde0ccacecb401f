import type { Database, Statement } from 'better-sqlite3';

/** A `files` row as read. */
export type FileRow = {
  id: string;
  workspace_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: string;
  form_id: string | null;
  field_id: string | null;
};

const FILE_COLUMNS =
  'id, workspace_id, name, mime, size, sha256, storage_key, created_by, created_at, form_id, field_id';

/** The file queries, prepared once per connection; every read carries the workspace (RELIABILITY H4). */
export type FileStatements = {
  insert: Statement<[FileRow]>;
  byId: Statement<[string, string], FileRow>;
  blobInUse: Statement<[string], { n: number }>;
};

export function prepareFileStatements(db: Database): FileStatements {
  return {
    insert: db.prepare(
      `INSERT INTO files (${FILE_COLUMNS}) VALUES (@id, @workspace_id, @name, @mime, @size, @sha256, @storage_key,
        @created_by, @created_at, @form_id, @field_id)`,
    ),
    byId: db.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`),
    blobInUse: db.prepare('SELECT count(*) AS n FROM files WHERE sha256 = ? AND deleted_at IS NULL'),
  };
}
