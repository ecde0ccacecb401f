import { checkFilter, checkSort } from '@formflow/engine';
import type { FilterNode, SortSpec } from '@formflow/schema';
import { buildListQuery, type JsonValue } from '@formflow/store';
import type { FormScope } from '../context/form-scope.js';
import type { ServerContext } from '../context/server-context.js';
import type { ProblemItem } from '../http/problems.js';
import { filterItems, queryFailure, type QueryFailure } from '../records/query-problems.js';
import { StatementCache } from '../records/statement-cache.js';

/** Rows read per page: the list query's maximum. */
export const EXPORT_PAGE_SIZE = 500;

const statements = new StatementCache(100);

export type ExportRequest = { filter?: FilterNode; sort?: SortSpec[] };

type Row = { id: string; data: string } & Record<string, unknown>;

export type ExportPages = {
  /** Pages of record data, read one at a time with the keyset cursor: never the whole form in memory. */
  pages(): Generator<Readonly<Record<string, JsonValue>>[]>;
};

const PATHS = { base: 'querystring.', filter: 'querystring.filter', sort: 'querystring.sort' };

/**
 * The records an export reaches: the caller's filter and sort (refused when they name a field the caller cannot
 * read, H2), AND the `export` row filter of their permission groups (trusted scope). Everything that can fail is
 * checked here, before a byte is sent; reading pages later cannot fail on the request.
 */
export function exportPages(
  ctx: ServerContext,
  scope: FormScope,
  request: ExportRequest,
  locale: 'zh-CN' | 'en',
): { ok: true; value: ExportPages } | { ok: false; failure: QueryFailure } {
  const form = scope.form.definition;
  const readableFieldIds = scope.access.full ? undefined : scope.access.exportable;
  const problems: ProblemItem[] = [];
  if (request.filter !== undefined) {
    problems.push(
      ...filterItems(checkFilter(request.filter, form, ctx.registry, { readableFieldIds }), PATHS.filter, locale),
    );
  }
  if (request.sort !== undefined) {
    problems.push(
      ...filterItems(checkSort(request.sort, form, ctx.registry, { readableFieldIds }), PATHS.sort, locale),
    );
  }
  if (problems.length > 0) return { ok: false, failure: { code: problems[0]!.code, items: problems } };

  const rowFilter = scope.access.rowFilters.export;
  const query = (cursor: string | undefined) =>
    buildListQuery(
      {
        workspaceId: scope.actor.workspaceId,
        formId: scope.form.formId,
        ...(request.filter ? { filter: request.filter } : {}),
        ...(rowFilter ? { scope: rowFilter, scopeContext: scope.rowFilterContext } : {}),
        ...(request.sort ? { sort: request.sort } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
        limit: EXPORT_PAGE_SIZE,
      },
      form,
      ctx.registry,
      scope.filterContext,
      { foldFunction: true, ...(readableFieldIds ? { readableFieldIds } : {}) },
    );
  let first: ReturnType<typeof query>;
  try {
    first = query(undefined);
  } catch (error) {
    return { ok: false, failure: queryFailure(error, PATHS, locale) };
  }
  return {
    ok: true,
    value: {
      *pages() {
        let built = first;
        for (;;) {
          const rows = statements.get(ctx.store.db, built.sql).all(...built.params) as Row[];
          yield rows.map((row) => JSON.parse(row.data) as Record<string, JsonValue>);
          const last = rows.at(-1);
          if (rows.length < EXPORT_PAGE_SIZE || !last) return;
          built = query(built.cursorOf(last));
        }
      },
    },
  };
}
