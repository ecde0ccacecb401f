import type { FilterOperator } from '@formflow/schema';

/** Filter operators per family of field types (DESIGN.md §4). */
export const TEXT_OPERATORS: readonly FilterOperator[] = [
  'eq',
  'neq',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'isEmpty',
  'isNotEmpty',
];

export const NUMBER_OPERATORS: readonly FilterOperator[] = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'isEmpty',
  'isNotEmpty',
];

export const DATE_OPERATORS: readonly FilterOperator[] = [
  ...NUMBER_OPERATORS,
  'isToday',
  'isThisWeek',
  'isThisMonth',
  'withinLastDays',
  'withinNextDays',
];

export const SELECT_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];

export const MULTISELECT_OPERATORS: readonly FilterOperator[] = [
  'hasAny',
  'hasAll',
  'hasNone',
  'contains',
  'notContains',
  'eq',
  'neq',
  'isEmpty',
  'isNotEmpty',
];

/** Member, department and relation hold one id or a list (`multiple`): single-value and list operators both apply. */
export const REFERENCE_OPERATORS: readonly FilterOperator[] = [
  'eq',
  'neq',
  'in',
  'notIn',
  'hasAny',
  'hasAll',
  'hasNone',
  'isEmpty',
  'isNotEmpty',
];

export const BOOLEAN_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'isEmpty', 'isNotEmpty'];

export const PRESENCE_OPERATORS: readonly FilterOperator[] = ['isEmpty', 'isNotEmpty'];

export const NO_OPERATORS: readonly FilterOperator[] = [];
