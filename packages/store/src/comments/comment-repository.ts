import type { Database, Statement } from 'better-sqlite3';
import { uuidV7 } from '../ids/uuid-v7.js';
import type { AddCommentInput, ListCommentsOptions, StoredComment } from './comment-types.js';

type CommentRow = {
  id: string;
  workspace_id: string;
  record_id: string;
  author: string | null;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

const COLUMNS = 'id, workspace_id, record_id, author, body, created_at, updated_at, deleted_at';

function toComment(row: CommentRow): StoredComment {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    recordId: row.record_id,
    author: row.author,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/**
 * Comments on records (the `comments` table). Every statement carries the workspace predicate (RELIABILITY H4): a
 * comment or record id of another workspace is simply not found. Deleting keeps a tombstone (`deleted_at`); listed
 * and fetched comments are live ones only. Checking who may comment is the server's job.
 */
export class CommentRepository {
  private readonly insert: Statement<[string, string, string, string | null, string, string, string]>;
  private readonly byId: Statement<[string, string], CommentRow>;
  private readonly page: Statement<[string, string, string, number], CommentRow>;
  private readonly tombstone: Statement<[string, string, string, string]>;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO comments (id, workspace_id, record_id, author, body, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL`);
    this.page = db.prepare(
      `SELECT ${COLUMNS} FROM comments
       WHERE workspace_id = ? AND record_id = ? AND deleted_at IS NULL AND id > ?
       ORDER BY id LIMIT ?`,
    );
    this.tombstone = db.prepare(
      'UPDATE comments SET deleted_at = ?, updated_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL',
    );
  }

  /** Adds a comment to a record of this workspace (the caller has checked that the record exists there). */
  addComment(input: AddCommentInput): StoredComment {
    const now = this.now();
    const at = now.toISOString();
    const id = uuidV7(now.getTime());
    this.insert.run(id, input.workspaceId, input.recordId, input.author, input.body, at, at);
    return {
      id,
      workspaceId: input.workspaceId,
      recordId: input.recordId,
      author: input.author,
      body: input.body,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
  }

  /** A live comment of this workspace. */
  getComment(workspaceId: string, id: string): StoredComment | undefined {
    const row = this.byId.get(id, workspaceId);
    return row && toComment(row);
  }

  /** Live comments of a record, oldest first, one page. */
  listComments(workspaceId: string, recordId: string, options: ListCommentsOptions = {}): StoredComment[] {
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new RangeError('limit must be 1–500');
    return this.page.all(workspaceId, recordId, options.after ?? '', limit).map(toComment);
  }

  /** Deletes (tombstones) a live comment; false when there is none with this id in this workspace. */
  deleteComment(workspaceId: string, id: string): boolean {
    const at = this.now().toISOString();
    return this.tombstone.run(at, at, id, workspaceId).changes === 1;
  }
}
