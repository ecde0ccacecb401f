import type { FastifyInstance } from 'fastify';
import { findInvalidCharacter, graphemeLength } from '@formflow/engine';
import { CommentRepository, type StoredComment } from '@formflow/store';
import { recordScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { badRequest, forbidden, notFound, unauthenticated } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { recordItem } from './record-messages.js';
import { commentParams, problems, recordParams, TAG } from './record-schemas.js';

export const MAX_COMMENT_GRAPHEMES = 5000;

const commentSchema = {
  type: 'object',
  required: ['id', 'recordId', 'author', 'body', 'createdAt'],
  properties: {
    id: { type: 'string' },
    recordId: { type: 'string' },
    author: { type: ['string', 'null'] },
    body: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

const commentView = (c: StoredComment) => ({
  id: c.id,
  recordId: c.recordId,
  author: c.author,
  body: c.body,
  createdAt: c.createdAt,
});

/**
 * A comment body as stored: plain text (never rendered as HTML by us), NFC, trimmed, 1–5000 graphemes, no NUL or
 * broken surrogate. Returns the text or the problem code.
 */
export function commentText(
  raw: string,
): { ok: true; text: string } | { ok: false; code: 'INVALID_CHARACTER' | 'COMMENT_LENGTH' } {
  if (findInvalidCharacter(raw)) return { ok: false, code: 'INVALID_CHARACTER' };
  const text = raw.normalize('NFC').trim();
  const length = graphemeLength(text);
  if (length < 1 || length > MAX_COMMENT_GRAPHEMES) return { ok: false, code: 'COMMENT_LENGTH' };
  return { ok: true, text };
}

/** Comments on records: anyone who may view the row may comment; the author or an owner/admin may delete. */
export function registerCommentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const comments = new CommentRepository(ctx.store.db, ctx.now);

  app.get<{ Params: { recordId: string }; Querystring: { limit: number; after?: string } }>(
    '/api/v1/records/:recordId/comments',
    {
      schema: {
        tags: [TAG],
        summary: 'Comments on a record',
        description: 'Needs `view` on the row. Oldest first; pass the last id as `after` for the next page.',
        params: recordParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            after: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['comments'],
            properties: { comments: { type: 'array', items: commentSchema } },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'view');
      if (!found) return reply;
      const { limit, after } = request.query;
      const list = comments.listComments(found.scope.actor.workspaceId, found.record.id, {
        limit,
        ...(after !== undefined ? { after } : {}),
      });
      return { comments: list.map(commentView) };
    },
  );

  app.post<{ Params: { recordId: string }; Body: { body: string } }>(
    '/api/v1/records/:recordId/comments',
    {
      schema: {
        tags: [TAG],
        summary: 'Comment on a record',
        description: 'Needs `view` on the row. Plain text, 1–5000 characters (graphemes), stored in NFC.',
        params: recordParams,
        body: {
          type: 'object',
          required: ['body'],
          additionalProperties: false,
          properties: { body: { type: 'string', maxLength: 100000 } },
        },
        response: { 201: commentSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const found = recordScope(ctx, request, reply, request.params.recordId, 'view');
      if (!found) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const checked = commentText(request.body.body);
      if (!checked.ok) {
        const item = recordItem(locale, 'body', checked.code, { max: MAX_COMMENT_GRAPHEMES });
        return badRequest(reply, checked.code, [item], item.message);
      }
      const comment = comments.addComment({
        workspaceId: found.scope.actor.workspaceId,
        recordId: found.record.id,
        author: found.scope.actor.memberId,
        body: checked.text,
      });
      return reply.code(201).send(commentView(comment));
    },
  );

  app.delete<{ Params: { commentId: string } }>(
    '/api/v1/comments/:commentId',
    {
      schema: {
        tags: [TAG],
        summary: 'Delete a comment',
        description: 'The author (who can still view the record) or a workspace owner/admin.',
        params: commentParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) return unauthenticated(reply);
      const comment = comments.getComment(actor.workspaceId, request.params.commentId);
      if (!comment) return notFound(reply, 'comment');
      if (actor.role !== 'owner' && actor.role !== 'admin') {
        const found = recordScope(ctx, request, reply, comment.recordId, 'view');
        if (!found) return reply;
        if (comment.author !== actor.memberId)
          return forbidden(reply, 'only the author or an admin may delete a comment');
      }
      comments.deleteComment(actor.workspaceId, comment.id);
      return reply.code(204).send();
    },
  );
}
