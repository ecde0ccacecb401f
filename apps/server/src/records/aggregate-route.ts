import type { FastifyInstance } from 'fastify';
import { checkFilter, fieldKind } from '@formflow/engine';
import type { FilterNode } from '@formflow/schema';
import { buildAggregateQuery, type AggregateFunction, type Bucket } from '@formflow/store';
import { formScope, type FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import type { ProblemItem } from '../http/problems.js';
import { preferredLocale } from '../problem-response.js';
import { formWriteInfo } from './form-write-info.js';
import { filterItems, queryFailure, sendQueryFailure } from './query-problems.js';
import { recordItem } from './record-messages.js';
import { filterSchema, formParams, problems, TAG } from './record-schemas.js';
import { StatementCache } from './statement-cache.js';
import type { Locale } from './write-pipeline.js';

type AggregateBody = {
  filter?: unknown;
  groupBy: { field: string; bucket?: Bucket }[];
  measures: { agg: AggregateFunction; field?: string }[];
};

type Key = string | number | boolean | null;

const statements = new StatementCache(100);

/** Fields of the request the caller may not use: unknown ones, hidden ones (no probing, H2), non-number measures. */
function fieldProblems(scope: FormScope, body: AggregateBody, locale: Locale): ProblemItem[] {
  const fields = formWriteInfo(scope.form.definition).fields;
  const items: ProblemItem[] = [];
  const check = (field: string, path: string): boolean => {
    if (!fields.has(field)) items.push(recordItem(locale, path, 'UNKNOWN_FIELD', { field }));
    else if (!scope.access.readable.has(field)) items.push(recordItem(locale, path, 'FIELD_NOT_READABLE', { field }));
    else return true;
    return false;
  };
  body.groupBy.forEach((g, i) => check(g.field, `groupBy[${String(i)}].field`));
  body.measures.forEach((m, i) => {
    const path = `measures[${String(i)}].field`;
    if (m.field === undefined) {
      if (m.agg !== 'count') items.push({ path, code: 'REQUIRED', message: `${m.agg} needs a number field` });
      return;
    }
    const def = fields.get(m.field);
    if (check(m.field, path) && m.agg !== 'count' && def && fieldKind(def) !== 'number') {
      items.push({ path, code: 'INVALID_AGGREGATE', message: `${m.agg} needs a number field, not "${m.field}"` });
    }
  });
  return items;
}

const aggregateBody = {
  type: 'object',
  required: ['groupBy', 'measures'],
  additionalProperties: false,
  properties: {
    filter: filterSchema,
    groupBy: {
      type: 'array',
      maxItems: 2,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', minLength: 1, maxLength: 200 },
          bucket: { enum: ['day', 'week', 'month'] },
        },
      },
    },
    measures: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: {
        type: 'object',
        required: ['agg'],
        additionalProperties: false,
        properties: {
          agg: { enum: ['count', 'sum', 'avg', 'min', 'max'] },
          field: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
    },
  },
} as const;

/** `POST /forms/:formId/aggregate`: grouped counts and sums for dashboards and the sales funnel. */
export function registerAggregateRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { formId: string }; Body: AggregateBody }>(
    '/api/v1/forms/:formId/aggregate',
    {
      schema: {
        tags: [TAG],
        summary: 'Aggregate records (group by, count, sum, avg, min, max)',
        description:
          'Needs `view`; counts only rows the permission groups reach. 0–2 group keys (a date can be bucketed by ' +
          'day, week or month), 1–10 measures. Grouping or measuring a field you may not read is FIELD_NOT_READABLE.',
        params: formParams,
        body: aggregateBody,
        response: {
          200: {
            type: 'object',
            required: ['rows'],
            properties: {
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['keys', 'values'],
                  properties: {
                    keys: { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] } },
                    values: { type: 'array', items: { type: ['number', 'null'] } },
                  },
                },
              },
            },
          },
          ...problems(400, 401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const scope = formScope(ctx, request, reply, request.params.formId, 'view');
      if (!scope) return reply;
      const locale = preferredLocale(request.headers['accept-language']);
      const body = request.body;
      const form = scope.form.definition;
      const readableFieldIds = scope.access.full ? undefined : scope.access.readable;
      const items = fieldProblems(scope, body, locale);
      if (body.filter !== undefined) {
        items.push(
          ...filterItems(checkFilter(body.filter, form, ctx.registry, { readableFieldIds }), 'filter', locale),
        );
      }
      if (items.length > 0) return sendQueryFailure(reply, { code: items[0]!.code, items });
      const rowFilter = scope.access.rowFilters.view;
      let query: ReturnType<typeof buildAggregateQuery>;
      try {
        query = buildAggregateQuery(
          {
            workspaceId: scope.actor.workspaceId,
            formId: scope.form.formId,
            ...(body.filter !== undefined ? { filter: body.filter as FilterNode } : {}),
            ...(rowFilter ? { scope: rowFilter, scopeContext: scope.rowFilterContext } : {}),
            groupBy: body.groupBy,
            measures: body.measures,
          },
          form,
          ctx.registry,
          scope.filterContext,
          { foldFunction: true, ...(readableFieldIds ? { readableFieldIds } : {}) },
        );
      } catch (error) {
        return sendQueryFailure(reply, queryFailure(error, { base: '', filter: 'groupBy', sort: 'sort' }, locale));
      }
      const fields = formWriteInfo(form).fields;
      const booleans = body.groupBy.map((g) => fields.get(g.field)?.type === 'boolean');
      const found = statements.get(ctx.store.db, query.sql).all(...query.params) as Record<string, Key>[];
      const rows = found.map((row) => ({
        keys: body.groupBy.map((_, i) => {
          const key = row[`g${String(i)}`] ?? null;
          return booleans[i] && key !== null ? key === 1 : key;
        }),
        values: body.measures.map((_, i) => row[`m${String(i)}`] ?? null),
      }));
      return { rows };
    },
  );
}
