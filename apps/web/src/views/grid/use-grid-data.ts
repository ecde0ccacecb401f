import { useEffect, useMemo, useState } from 'react';
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FilterNode, SortSpec } from '@formflow/schema';
import { endpoints } from '../../api/endpoints.js';
import type { FormRecord, RecordPage } from '../../api/types.js';
import { GroupLayout, orderGroups, PAGE_SIZE, pageRequest, pagesForRange } from './page-math.js';

/** The list a grid shows: the form, its filter (toolbar, view and search ANDed) and sort. */
export type GridQuery = { formId: string; filter?: FilterNode; sort: SortSpec[] };

/** Keys live under `['records', formId]` so a record write (keys.records) invalidates every grid of the form. */
const signature = (q: GridQuery) => JSON.stringify([q.filter ?? null, q.sort]);
export const gridKeys = {
  count: (q: GridQuery) => ['records', q.formId, 'grid-count', signature(q)] as const,
  groups: (q: GridQuery, field: string) => ['records', q.formId, 'grid-groups', signature(q), field] as const,
  page: (q: GridQuery, page: number) => ['records', q.formId, 'grid-page', signature(q), page] as const,
};

const STALE = 30_000;

function countQuery(q: GridQuery) {
  return {
    queryKey: gridKeys.count(q),
    queryFn: async () => {
      const result = await endpoints.records.aggregate(q.formId, {
        ...(q.filter ? { filter: q.filter } : {}),
        groupBy: [],
        measures: [{ agg: 'count' }],
      });
      return result.rows[0]?.values[0] ?? 0;
    },
    staleTime: STALE,
  };
}

function pageQuery(client: QueryClient, q: GridQuery, page: number) {
  return {
    queryKey: gridKeys.page(q, page),
    // No abort signal: a page once asked for completes and stays cached (React Query would otherwise cancel it when
    // its row scrolls away mid-flight and fetch it again on the way back). The 90 ms settle keeps asks to pages in view.
    queryFn: () => {
      const previous = page > 0 ? client.getQueryData<RecordPage>(gridKeys.page(q, page - 1)) : undefined;
      const request = pageRequest(page, previous?.nextCursor, PAGE_SIZE);
      return endpoints.records.query(q.formId, {
        ...(q.filter ? { filter: q.filter } : {}),
        ...(q.sort.length ? { sort: q.sort } : {}),
        ...request,
      });
    },
    staleTime: STALE,
  };
}

/**
 * Starts the count and the first page of a form's default grid before its definition has arrived, so the first rows
 * show one round trip after navigation (the grid then reads them from the cache).
 */
export function prefetchDefaultGrid(client: QueryClient, formId: string) {
  const q: GridQuery = { formId, sort: [] };
  void client.prefetchQuery(countQuery(q));
  void client.prefetchQuery(pageQuery(client, q, 0));
}

/** Holds a value back until it has been stable for `ms` (the first value passes at once). */
function useSettled<T>(value: T, key: string, ms: number): T {
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (settled.key === key) return;
    const timer = setTimeout(() => setSettled({ key, value }), ms);
    return () => clearTimeout(timer);
  }, [key, value, ms, settled.key]);
  return settled.value;
}

export type GridData = {
  total: number | undefined;
  /**
   * Rows to lay out now: the count, or before it arrives the first page's length (so the first rows show as soon as
   * page 0 is cached, not after the count). Undefined while neither is known.
   */
  rows: number | undefined;
  countError: unknown;
  pageError: unknown;
  layout: GroupLayout | null;
  /** The record at list index `i`, or undefined while its page loads. */
  recordAt: (i: number) => FormRecord | undefined;
  /** Tell the data which display rows are in view (first and last, inclusive). */
  setVisible: (first: number, last: number) => void;
  /** Replace one record in the loaded pages (after an inline edit), without refetching. */
  replaceRecord: (record: FormRecord) => void;
  /** Pages asked for so far (for tests and the dev overlay). */
  loadedPages: number[];
};

/**
 * Count + pages of a grid. The count (aggregate, same filter) and the first page are fired together; then only the
 * pages under the viewport plus one ahead are fetched, after the scroll settles for 90 ms, so dragging the scrollbar
 * across 100,000 rows asks for the pages where it stops, not every page it passed.
 */
export function useGridData(q: GridQuery, groupBy: { field: string; optionOrder: string[] | null } | null): GridData {
  const client = useQueryClient();
  const count = useQuery(countQuery(q));
  const groups = useQuery({
    queryKey: gridKeys.groups(q, groupBy?.field ?? ''),
    queryFn: () =>
      endpoints.records.aggregate(q.formId, {
        ...(q.filter ? { filter: q.filter } : {}),
        groupBy: [{ field: groupBy!.field }],
        measures: [{ agg: 'count' }],
      }),
    enabled: groupBy !== null,
    staleTime: STALE,
  });
  const layout = useMemo(
    () => (groupBy && groups.data ? new GroupLayout(orderGroups(groups.data.rows, groupBy.optionOrder)) : null),
    [groupBy, groups.data],
  );

  const sig = signature(q);
  const [visible, setVisibleState] = useState<{ sig: string; first: number; last: number }>({
    sig,
    first: 0,
    last: 30,
  });
  const range = visible.sig === sig ? visible : { sig, first: 0, last: 30 };
  const settled = useSettled(range, `${range.sig}:${String(range.first)}:${String(range.last)}`, 90);
  const current = settled.sig === sig ? settled : range;

  const total = count.data;
  const wanted = useMemo(() => {
    if (total === undefined) return [0];
    let first = current.first;
    let last = current.last;
    if (layout) {
      const records = layout.recordRange(first, last);
      if (!records) return [];
      [first, last] = records;
    }
    return pagesForRange(first, last, total, PAGE_SIZE, 1);
  }, [total, current.first, current.last, layout]);

  const pages = useQueries({ queries: wanted.map((p) => pageQuery(client, q, p)) });
  const byPage = new Map<number, RecordPage>();
  wanted.forEach((p, i) => {
    const data = pages[i]?.data;
    if (data) byPage.set(p, data);
  });
  const pageError = pages.find((p) => p.error)?.error ?? null;

  const shownTotal = groupBy ? (layout ? total : undefined) : total;
  const firstPage = byPage.get(0) ?? client.getQueryData<RecordPage>(gridKeys.page(q, 0));
  return {
    total: shownTotal,
    rows: shownTotal ?? (groupBy ? undefined : firstPage?.records.length),
    countError: count.error ?? groups.error,
    pageError,
    layout,
    recordAt: (i) => {
      const page = Math.floor(i / PAGE_SIZE);
      const data = byPage.get(page) ?? client.getQueryData<RecordPage>(gridKeys.page(q, page));
      return data?.records[i % PAGE_SIZE];
    },
    setVisible: (first, last) =>
      setVisibleState((v) => (v.sig === sig && v.first === first && v.last === last ? v : { sig, first, last })),
    replaceRecord: (record) => {
      for (const p of wanted) {
        client.setQueryData<RecordPage>(gridKeys.page(q, p), (old) =>
          old ? { ...old, records: old.records.map((r) => (r.id === record.id ? record : r)) } : old,
        );
      }
    },
    loadedPages: wanted,
  };
}
