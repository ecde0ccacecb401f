import type { FastifyInstance } from 'fastify';
import type { SortSpec } from '@formflow/schema';
import { formScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { badRequest } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { MAX_LIST_OFFSET } from '@formflow/store';
import { DEFAULT_LIMIT, listRecords, MAX_LIMIT, type ListRequest } from './list-query.js';
import { sendQueryFailure } from './query-problems.js';
import { recordItem } from './record-messages.js';
import { filterSchema, formParams, problems, recordPageSchema, sortSchema, TAG } from './record-schemas.js';

const SORT_PART = /^([A-Za-z][A-Za-z0-9_.-]{0,200})(?::(asc|desc))?$/;

/** `name:asc,amount:desc` → sort specs; null when any part is not `field` or `field:asc|desc`. */
export function parseSortParam(text: string): SortSpec[] | null {
  const specs: SortSpec[] = [];
  for (const part of text.split(',')) {
    const match = SORT_PART.exec(part.trim());
    if (!match) return null;
    specs.push({ field: match[1]!, direction: match[2] === 'desc' ? 'desc' : 'asc' });
  }
  return specs;
}

type ListQuerystring = { limit: number; cursor?: string; sort?: string; q?: string };
type QueryBody = {
  filter?: unknown;
  sort?: SortSpec[];
  limit?: number;
  cursor?: string;
  offset?: number;
  q?: string;
  fields?: string[];
};

const limitSchema = { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } as const;
const cursorSchema = { type: 'string', minLength: 1, maxLength: 4096 } as const;
const qSchema = {
  type: 'string',
  maxLength: 200,
  description: 'Contains-search over the readable text fields',
} as const;

/** List and query the records of a form. */
export function registerListRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { formId: string }; Querystring: ListQuerystring }>(
    '/api/v1/forms/:formId/records',
    {
      schema: {
        tags: [TAG],
        summary: 'List records',
        description:
          'Needs `view`; only rows the permission groups reach, only readable fields. `sort=field:asc,field2:desc`, ' +
          '`q` searches the readable text fields, `cursor` is the previous page\u2019s `nextCursor`.',
        params: formParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: limitSchema,
            cursor: cursorSchema,
            sort: { type: 'string', minLength: 1, maxLength: 1000 },
            q: qSchema,
          },
        },
        response: { 200: recordPageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'view');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const { limit, cursor, sort, q } = request.query;
      const specs = sort === undefined ? undefined : parseSortParam(sort);
      if (specs === null) {
        const item = recordItem(locale, 'querystring.sort', 'INVALID_SORT', { value: sort ?? '' });
        return badRequest(reply, 'INVALID_SORT', [item], item.message);
      }
      const listRequest: ListRequest = {
        limit,
        ...(cursor !== undefined ? { cursor } : {}),
        ...(specs ? { sort: specs } : {}),
        ...(q !== undefined ? { q } : {}),
      };
      const paths = {
        base: 'querystring.',
        filter: 'querystring.q',
        sort: 'querystring.sort',
        fields: 'querystring.fields',
      };
      const result = listRecords(ctx, scope, listRequest, paths, locale);
      return result.ok ? result.page : sendQueryFailure(reply, result.failure);
    },
  );

  app.post<{ Params: { formId: string }; Body: QueryBody }>(
    '/api/v1/forms/:formId/records/query',
    {
      schema: {
        tags: [TAG],
        summary: 'Query records (filter AST, sort, cursor, search, projection)',
        description:
          'Needs `view`. `filter` is the filter AST views use; filtering, sorting or projecting a field you may not ' +
          'read is 400 FIELD_NOT_READABLE. `limit` 1–500 (default 50). `offset` (0–1,000,000) skips rows to jump ' +
          'far into the list (a grid dragged to its end), exclusive with `cursor` (400 INVALID_OFFSET).',
        params: formParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            filter: filterSchema,
            sort: sortSchema,
            limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
            cursor: cursorSchema,
            offset: { type: 'integer', minimum: 0, maximum: MAX_LIST_OFFSET },
            q: qSchema,
            fields: { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 200 } },
          },
        },
        response: { 200: recordPageSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'view');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const body = request.body;
      const listRequest: ListRequest = {
        limit: body.limit ?? DEFAULT_LIMIT,
        ...(body.filter !== undefined ? { filter: body.filter } : {}),
        ...(body.sort !== undefined ? { sort: body.sort } : {}),
        ...(body.cursor !== undefined ? { cursor: body.cursor } : {}),
        ...(body.offset !== undefined ? { offset: body.offset } : {}),
        ...(body.q !== undefined ? { q: body.q } : {}),
        ...(body.fields !== undefined ? { fields: body.fields } : {}),
      };
      const paths = { base: '', filter: 'filter', sort: 'sort', fields: 'fields' };
      const result = listRecords(ctx, scope, listRequest, paths, locale);
      return result.ok ? result.page : sendQueryFailure(reply, result.failure);
    },
  );
}
