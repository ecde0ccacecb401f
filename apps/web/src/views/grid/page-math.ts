/**
 * Page math of the virtualised grid: rows are fetched in pages of PAGE_SIZE; only the pages under the viewport (plus
 * one ahead) are asked for. Grouped grids interleave group header rows with records; `GroupLayout` maps a display row
 * to a header or a record index in O(log groups).
 */
export const PAGE_SIZE = 100;

/** The pages holding record indexes `first..last` (inclusive), plus `ahead` pages after, within `total` records. */
export function pagesForRange(first: number, last: number, total: number, pageSize = PAGE_SIZE, ahead = 1): number[] {
  if (total <= 0 || last < first) return [];
  const lastPage = Math.ceil(total / pageSize) - 1;
  const from = Math.max(0, Math.min(lastPage, Math.floor(Math.max(0, first) / pageSize)));
  const to = Math.max(from, Math.min(lastPage, Math.floor(Math.max(0, last) / pageSize) + ahead));
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

/**
 * How to ask for page `page`: the first page plainly; a page right after a loaded page by that page's cursor (keyset,
 * cheap); any other page (a jump) by offset.
 */
export function pageRequest(
  page: number,
  previousCursor: string | null | undefined,
  pageSize = PAGE_SIZE,
): { limit: number; cursor?: string; offset?: number } {
  if (page === 0) return { limit: pageSize };
  if (previousCursor) return { limit: pageSize, cursor: previousCursor };
  return { limit: pageSize, offset: page * pageSize };
}

export type GroupCount = { key: unknown; count: number };
export type DisplayRow = { kind: 'header'; group: number } | { kind: 'record'; index: number; group: number };

/** Display rows of a grouped grid: each group is a header row followed by its records (which are contiguous). */
export class GroupLayout {
  /** Display index of each group's header. */
  private readonly starts: number[] = [];
  /** Record index of each group's first record. */
  private readonly firstRecord: number[] = [];
  readonly size: number;

  constructor(readonly groups: readonly GroupCount[]) {
    let display = 0;
    let record = 0;
    for (const g of groups) {
      this.starts.push(display);
      this.firstRecord.push(record);
      display += 1 + g.count;
      record += g.count;
    }
    this.size = display;
  }

  /** The group containing display row `i` (the last group whose header is at or before `i`). */
  private groupAt(i: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  row(i: number): DisplayRow {
    const group = this.groupAt(i);
    const offset = i - (this.starts[group] ?? 0);
    if (offset === 0) return { kind: 'header', group };
    return { kind: 'record', index: (this.firstRecord[group] ?? 0) + offset - 1, group };
  }

  /** Record index range shown by display rows `first..last` (null when only headers are in view). */
  recordRange(first: number, last: number): [number, number] | null {
    if (this.size === 0) return null;
    const clamp = (i: number) => Math.max(0, Math.min(this.size - 1, i));
    const a = this.row(clamp(first));
    const b = this.row(clamp(last));
    const lo = a.kind === 'record' ? a.index : (this.firstRecord[a.group] ?? 0);
    const hi = b.kind === 'record' ? b.index : (this.firstRecord[b.group] ?? 0) - 1;
    return hi < lo ? null : [lo, hi];
  }
}

/**
 * Aggregate groups in the list's order for the group field, so headers line up with sorted records: select options
 * by their position, numbers numerically, booleans false then true, text and dates as strings; empty (null) last.
 */
export function orderGroups(
  rows: readonly { keys: unknown[]; values: (number | null)[] }[],
  optionOrder: readonly string[] | null,
  direction: 'asc' | 'desc' = 'asc',
): GroupCount[] {
  const rank = (key: unknown): number | string => {
    if (optionOrder) {
      const i = optionOrder.indexOf(String(key));
      return i >= 0 ? i : optionOrder.length;
    }
    if (typeof key === 'boolean') return key ? 1 : 0;
    if (typeof key === 'number') return key;
    return String(key);
  };
  const groups = rows.map((r) => ({ key: r.keys[0] ?? null, count: r.values[0] ?? 0 }));
  const sign = direction === 'asc' ? 1 : -1;
  return groups.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
    const x = rank(a.key);
    const y = rank(b.key);
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}
