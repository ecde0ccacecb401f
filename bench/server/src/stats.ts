/** The q-quantile (0–1) of `xs` by the nearest-rank method. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

export const fmtMs = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Prints a Markdown table. */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): void {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

type PlanDb = { prepare(sql: string): { all(...params: unknown[]): unknown[] } };

/** The top-level steps of EXPLAIN QUERY PLAN (index used, temp b-trees), without the JSON virtual-table scans. */
export function planSummary(db: PlanDb, sql: string, params: readonly unknown[]): string {
  const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { parent: number; detail: string }[];
  return steps
    .filter((s) => s.parent === 0 && !s.detail.startsWith('CORRELATED') && !s.detail.includes('VIRTUAL TABLE'))
    .map((s) => s.detail)
    .join('; ');
}
