import type { FastifyInstance } from 'fastify';
import { localDate, type FieldContext } from '@formflow/engine';
import { localize, type FilterNode, type SortSpec } from '@formflow/schema';
import { formScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import { contentDisposition } from '../files/content-disposition.js';
import { problemResponses } from '../files/file-schemas.js';
import { sanitizeFileName } from '../files/sanitize-file-name.js';
import { badRequest } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { parseSortParam } from '../records/list-routes.js';
import { sendQueryFailure } from '../records/query-problems.js';
import { recordItem } from '../records/record-messages.js';
import { csvStream } from './csv-stream.js';
import { exportColumns } from './export-columns.js';
import { exportPages } from './export-pages.js';
import { xlsxStream } from './xlsx-stream.js';

type ExportQuery = { format: 'csv' | 'xlsx'; filter?: string; sort?: string };

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Export a form's records as CSV or XLSX, streamed. */
export function registerExportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { formId: string }; Querystring: ExportQuery }>(
    '/api/v1/forms/:formId/export',
    {
      schema: {
        tags: ['export'],
        summary: 'Export records as CSV or XLSX',
        description:
          'Needs `export`. Rows: those the `export` row filter of your permission groups reaches, narrowed by ' +
          '`filter` (the filter AST as JSON) and ordered by `sort` (`field:asc,field2:desc`). Columns: the fields ' +
          'you may read, headed by their labels in your language (Accept-Language), values formatted by their field ' +
          "type. CSV is UTF-8 with a BOM; cells that a spreadsheet would run as a formula start with `'`. Streamed: " +
          'any size, constant memory.',
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['formId'],
          properties: { formId: { type: 'string', minLength: 1, maxLength: 64 } },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
            filter: { type: 'string', minLength: 1, maxLength: 20000, description: 'filter AST as JSON' },
            sort: { type: 'string', minLength: 1, maxLength: 1000 },
          },
        },
        response: problemResponses,
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'export');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const { format, filter, sort } = request.query;

      let filterNode: FilterNode | undefined;
      if (filter !== undefined) {
        try {
          filterNode = JSON.parse(filter) as FilterNode;
        } catch {
          const message = locale === 'zh-CN' ? 'filter 不是有效的 JSON' : 'filter is not valid JSON';
          return badRequest(
            reply,
            'INVALID_FILTER',
            [{ path: 'querystring.filter', code: 'INVALID_FILTER', message }],
            message,
          );
        }
      }
      let sortSpecs: SortSpec[] | undefined;
      if (sort !== undefined) {
        const parsed = parseSortParam(sort);
        if (parsed === null) {
          const item = recordItem(locale, 'querystring.sort', 'INVALID_SORT', { value: sort });
          return badRequest(reply, 'INVALID_SORT', [item], item.message);
        }
        sortSpecs = parsed;
      }
      const source = exportPages(
        ctx,
        scope,
        { ...(filterNode !== undefined ? { filter: filterNode } : {}), ...(sortSpecs ? { sort: sortSpecs } : {}) },
        locale,
      );
      if (!source.ok) return sendQueryFailure(reply, source.failure);

      const fctx: FieldContext = { timezone: scope.filterContext.timezone, locale };
      const columns = exportColumns(ctx, scope.actor.workspaceId, scope.form.definition, scope.access, locale);
      const formName = localize(scope.form.definition.name, locale) || scope.form.formId;
      const fileName = sanitizeFileName(`${formName}-${localDate(ctx.now(), fctx.timezone)}.${format}`);
      const body =
        format === 'csv'
          ? csvStream(columns, source.value, fctx)
          : xlsxStream(columns, source.value, fctx, formName, (error) => {
              request.log.error({ err: error }, 'xlsx export failed mid-stream');
            });
      return reply
        .code(200)
        .type(CONTENT_TYPES[format])
        .header('content-disposition', contentDisposition('attachment', fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    },
  );
}
