import type { FilterOperator } from '@formflow/schema';

/** Operators relative to today in the viewer's zone: the in-memory filter and the SQL compiler treat them alike. */
export const RELATIVE_OPERATORS: ReadonlySet<FilterOperator> = new Set([
  'isToday',
  'isThisWeek',
  'isThisMonth',
  'withinLastDays',
  'withinNextDays',
]);

/** Text search operators, compared on folded text. */
export const SEARCH_OPERATORS: ReadonlySet<FilterOperator> = new Set([
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
]);
