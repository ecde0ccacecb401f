export type SortKey = string | number | null;

/**
 * Orders two sort keys ascending: numbers numerically, strings by UTF-16 code units (what SQL's binary collation does),
 * numbers before strings. `null` (and NaN) is not handled here: the caller puts it last in either direction.
 */
export function compareSortKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
