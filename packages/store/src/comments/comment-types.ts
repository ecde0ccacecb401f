/** A comment on a record (评论): plain text, kept after deletion as a tombstone (`deletedAt`) for the audit trail. */
export type StoredComment = {
  id: string;
  workspaceId: string;
  recordId: string;
  /** Member id of the author; null for a comment made by the system. */
  author: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export type AddCommentInput = {
  workspaceId: string;
  recordId: string;
  author: string | null;
  /** Plain text, already checked and normalised (NFC, length) by the caller. */
  body: string;
};

export type ListCommentsOptions = {
  /** 1–500; default 100. */
  limit?: number;
  /** Only comments after this comment id (ids are UUIDv7: creation order). */
  after?: string;
};
