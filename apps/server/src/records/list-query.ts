import { checkFilter, checkSort, fieldKind, pickReadable } from '@formflow/engine';
import type { FilterNode, FormDef, SortSpec } from '@formflow/schema';
import { buildListQuery, type JsonValue, type RecordData } from '@formflow/store';
import type { FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import type { ProblemItem } from '../http/problems.js';
import { formWriteInfo } from './form-write-info.js';
import { filterItems, queryFailure, type QueryFailure } from './query-problems.js';
import { recordItem } from './record-messages.js';
import type { RecordView } from './record-view.js';
import { StatementCache } from './statement-cache.js';
import type { Locale } from './write-pipeline.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** A list request, from the query string or the query body. */
export type ListRequest = {
  filter?: unknown;
  sort?: unknown;
  limit: number;
  cursor?: string;
  /** Rows to skip (the query route only; exclusive with `cursor`). */
  offset?: number;
  q?: string;
  fields?: readonly string[];
};

/** Where each part of the request is, for problem paths (`querystring.sort`, `body.filter`…). */
export type ListPaths = { base: string; filter: string; sort: string; fields: string };

export type ListPage = { records: RecordView[]; nextCursor: string | null };

const statements = new StatementCache(200);

/** The readable fields `q` searches: top-level text-like fields (text, textarea, phone, email, URL, serial). */
function searchFields(scope: FormScope, registry: ServerContext['registry']): string[] {
  const out: string[] = [];
  for (const field of formWriteInfo(scope.form.definition).fields.values()) {
    if (!scope.access.readable.has(field.id) || fieldKind(field) !== 'text' || !registry.has(field.type)) continue;
    if (registry.get(field.type).operators.includes('contains')) out.push(field.id);
  }
  return out;
}

/**
 * `q`: a contains-search over the readable text-like fields, as an `or` of `contains` conditions in the filter AST, so
 * it compiles through the same checked, parameterised SQL as any filter, and never reaches a hidden field.
 */
export function searchFilter(scope: FormScope, registry: ServerContext['registry'], q: string): FilterNode {
  return { or: searchFields(scope, registry).map((field) => ({ field, op: 'contains' as const, value: q })) };
}

function projection(form: FormDef, scope: FormScope, fields: readonly string[], path: string, locale: Locale) {
  const live = formWriteInfo(form).fields;
  const items: ProblemItem[] = [];
  fields.forEach((field, i) => {
    const at = `${path}[${String(i)}]`;
    if (!live.has(field)) items.push(recordItem(locale, at, 'UNKNOWN_FIELD', { field }));
    else if (!scope.access.readable.has(field)) items.push(recordItem(locale, at, 'FIELD_NOT_READABLE', { field }));
  });
  return items;
}

/** The list SQL also selects `created_by` (the store's list query leaves it out). */
function withCreatedBy(sql: string): string {
  const select = sql.slice(0, sql.indexOf(' FROM records r '));
  if (select.includes('r.created_by')) return sql;
  if (!sql.startsWith('SELECT r.id, ')) throw new Error('unexpected list query shape');
  return `SELECT r.created_by, ${sql.slice('SELECT '.length)}`;
}

type Row = Record<string, unknown> & {
  id: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
};

/**
 * One page of records the caller may see: their filter and `q` AND the permission row filter (trusted scope), their
 * sort, a keyset cursor; only readable fields, optionally projected to `fields`. Filtering or sorting by a hidden
 * field is FIELD_NOT_READABLE before anything runs (no probing, H2).
 */
export function listRecords(
  ctx: ServerContext,
  scope: FormScope,
  request: ListRequest,
  paths: ListPaths,
  locale: Locale,
): { ok: true; page: ListPage } | { ok: false; failure: QueryFailure } {
  const form = scope.form.definition;
  const readableFieldIds = scope.access.full ? undefined : scope.access.readable;
  const problems: ProblemItem[] = [];
  if (request.filter !== undefined) {
    const found = checkFilter(request.filter, form, ctx.registry, { readableFieldIds });
    problems.push(...filterItems(found, paths.filter, locale));
  }
  if (request.sort !== undefined) {
    problems.push(
      ...filterItems(checkSort(request.sort, form, ctx.registry, { readableFieldIds }), paths.sort, locale),
    );
  }
  if (request.fields) problems.push(...projection(form, scope, request.fields, paths.fields, locale));
  if (problems.length > 0) return { ok: false, failure: { code: problems[0]!.code, items: problems } };

  const parts: FilterNode[] = [];
  if (request.filter !== undefined) parts.push(request.filter as FilterNode);
  const q = request.q?.trim();
  if (q) parts.push(searchFilter(scope, ctx.registry, q));
  const filter = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { and: parts };
  const rowFilter = scope.access.rowFilters.view;
  // One more row than asked tells whether there is a next page (at the 500 maximum, a full page says so).
  const fetch = Math.min(request.limit + 1, MAX_LIMIT);
  let query: ReturnType<typeof buildListQuery>;
  try {
    query = buildListQuery(
      {
        workspaceId: scope.actor.workspaceId,
        formId: scope.form.formId,
        ...(filter ? { filter } : {}),
        ...(rowFilter ? { scope: rowFilter, scopeContext: scope.rowFilterContext } : {}),
        ...(request.sort !== undefined ? { sort: request.sort as SortSpec[] } : {}),
        ...(request.cursor !== undefined ? { cursor: request.cursor } : {}),
        ...(request.offset !== undefined ? { offset: request.offset } : {}),
        limit: fetch,
      },
      form,
      ctx.registry,
      scope.filterContext,
      { foldFunction: true, ...(readableFieldIds ? { readableFieldIds } : {}) },
    );
  } catch (error) {
    return { ok: false, failure: queryFailure(error, paths, locale) };
  }
  const rows = statements.get(ctx.store.db, withCreatedBy(query.sql)).all(...query.params) as Row[];
  const page = rows.slice(0, request.limit);
  const more = rows.length > request.limit || (request.limit === MAX_LIMIT && rows.length === MAX_LIMIT);
  const keep = request.fields ? new Set(request.fields) : null;
  const records = page.map((row): RecordView => {
    const data = pickReadable(JSON.parse(row.data) as RecordData, scope.access) as Record<string, JsonValue>;
    if (keep) for (const key of Object.keys(data)) if (!keep.has(key)) delete data[key];
    return {
      id: row.id,
      formId: scope.form.formId,
      version: row.version,
      data,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by,
    };
  });
  const last = page.at(-1);
  return { ok: true, page: { records, nextCursor: more && last ? query.cursorOf(last) : null } };
}
