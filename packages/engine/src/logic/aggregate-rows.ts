import type { JsonValue } from '@formflow/schema';

export type RollupAggregation = 'sum' | 'avg' | 'count' | 'min' | 'max';

/**
 * Sub-table rollup: count of rows, or sum/avg/min/max of a numeric column over the rows that pass.
 * Empty and non-numeric cells are skipped; no rows gives 0 for count and sum, null for avg/min/max.
 */
export function aggregateRows(
  rows: readonly Record<string, unknown>[],
  column: string | undefined,
  agg: RollupAggregation,
): JsonValue {
  if (agg === 'count') return rows.length;
  let sum = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    const v = column === undefined ? undefined : row[column];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    sum += v;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (agg === 'sum') return roundFloat(sum);
  if (n === 0) return null;
  if (agg === 'avg') return roundFloat(sum / n);
  return agg === 'min' ? min : max;
}

/** Removes binary float noise (0.1 + 0.2 → 0.3) without changing meaningful digits. */
function roundFloat(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}
