import type { Database, Statement } from 'better-sqlite3';
import { uuidV7 } from '../ids/uuid-v7.js';
import type { Sql, SqlParam } from '../sqlite/query/sql-fragment.js';
import { fileReferenceSql } from './file-reference-sql.js';
import { type FileRow, type FileStatements, prepareFileStatements } from './file-statements.js';
import type { CreateFileInput, StoredFile } from './file-types.js';

function toFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdBy: row.created_by,
    createdAt: row.created_at,
    formId: row.form_id,
    fieldId: row.field_id,
  };
}

const MAX_CACHED_QUERIES = 200;

/**
 * Uploaded files' metadata (the `files` table) and the question downloads depend on: which live records of a form
 * reference a file. Every query is scoped by workspace (RELIABILITY H4). The bytes are the server's business.
 */
export class FileRepository {
  private readonly s: FileStatements;
  private readonly queries = new Map<string, Statement<SqlParam[], { n: number }>>();

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.s = prepareFileStatements(db);
  }

  createFile(input: CreateFileInput): StoredFile {
    const now = this.now();
    const file: StoredFile = { ...input, id: uuidV7(now.getTime()), createdAt: now.toISOString() };
    this.s.insert.run({
      id: file.id,
      workspace_id: file.workspaceId,
      name: file.name,
      mime: file.mime,
      size: file.size,
      sha256: file.sha256,
      storage_key: file.storageKey,
      created_by: file.createdBy,
      created_at: file.createdAt,
      form_id: file.formId,
      field_id: file.fieldId,
    });
    return file;
  }

  /** A live file of this workspace (another workspace's id is simply not found). */
  getFile(workspaceId: string, id: string): StoredFile | undefined {
    const row = this.s.byId.get(workspaceId, id);
    return row ? toFile(row) : undefined;
  }

  /** Whether any live file row (of any workspace) still uses the stored bytes with this hash. */
  blobInUse(sha256: string): boolean {
    return (this.s.blobInUse.get(sha256)?.n ?? 0) > 0;
  }

  /**
   * Whether a live record of `formId` holds a ref to `fileId` in `fieldPath` (`field` or `subtable.column`). With
   * `scope` (a condition over `records r`, e.g. a compiled permission row filter), only records matching it count.
   */
  isReferenced(workspaceId: string, formId: string, fieldPath: string, fileId: string, scope?: Sql): boolean {
    const refers = fileReferenceSql(fieldPath, fileId);
    const text = `SELECT count(*) AS n FROM (SELECT 1 FROM records r WHERE r.workspace_id = ? AND r.form_id = ?
      AND r.deleted_at IS NULL AND ${refers.sql}${scope ? ` AND ${scope.sql}` : ''} LIMIT 1)`;
    let statement = this.queries.get(text);
    if (!statement) {
      if (this.queries.size >= MAX_CACHED_QUERIES) this.queries.clear();
      statement = this.db.prepare<SqlParam[], { n: number }>(text);
      this.queries.set(text, statement);
    }
    const params = [workspaceId, formId, ...refers.params, ...(scope?.params ?? [])];
    return (statement.get(...params)?.n ?? 0) > 0;
  }
}
