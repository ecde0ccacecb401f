import type { Id } from './ids.js';
import type { JsonValue } from './json.js';

/**
 * Filter operators of the filter AST used by views, APIs, permission row filters, automations and dashboards.
 * Each field type declares which of them it supports; the engine evaluates them in memory and the store compiles
 * the same AST to parameterised SQL.
 */
export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'notIn',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
  'hasAny',
  'hasAll',
  'hasNone',
  'isToday',
  'isThisWeek',
  'isThisMonth',
  'withinLastDays',
  'withinNextDays',
  'isCurrentMember',
  'isCurrentDepartment',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One condition on one field: `{ field, op, value }`. `value` shape depends on the operator. */
export type FilterCondition = { field: Id; op: FilterOperator; value?: JsonValue };

/** An and/or group of conditions and groups. An empty `and` group matches everything. */
export type FilterGroup = { and: FilterNode[] } | { or: FilterNode[] };

export type FilterNode = FilterCondition | FilterGroup;

export type SortSpec = { field: Id; direction: 'asc' | 'desc' };
