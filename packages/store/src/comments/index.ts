export { CommentRepository } from './comment-repository.js';
export type { AddCommentInput, ListCommentsOptions, StoredComment } from './comment-types.js';
