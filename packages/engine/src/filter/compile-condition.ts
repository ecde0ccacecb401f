import { RELATIVE_OPERATORS, SEARCH_OPERATORS } from './operator-groups.js';
import type { FieldDef, FilterOperator } from '@formflow/schema';
import { compileDatetime } from './compile-datetime.js';
import { compileIdSet } from './compile-id-set.js';
import { compileRelativeDate } from './compile-relative-date.js';
import { compileScalar } from './compile-scalar.js';
import { compileTextSearch } from './compile-text-search.js';
import { fieldKind } from './field-kind.js';
import { isEmptyValue } from '../values/is-empty-value.js';
import type { ValuePredicate } from './types.js';

/**
 * Operators that hold on an empty value: "status is not Won" includes records without a status, as users expect
 * from Jiandaoyun and Airtable. Each is the exact negation of its positive operator.
 */
export const TRUE_ON_EMPTY: ReadonlySet<FilterOperator> = new Set(['neq', 'notIn', 'notContains', 'hasNone']);

function positive(field: FieldDef, op: FilterOperator, operand: unknown): ValuePredicate {
  const kind = fieldKind(field);
  if (RELATIVE_OPERATORS.has(op)) {
    return compileRelativeDate(kind, op as Parameters<typeof compileRelativeDate>[1], Number(operand ?? 0));
  }
  switch (kind) {
    case 'option':
    case 'options':
    case 'ref':
    case 'refs':
      return compileIdSet(op, operand);
    case 'datetime':
      return compileDatetime(op, operand);
    default:
      return SEARCH_OPERATORS.has(op) ? compileTextSearch(op, operand) : compileScalar(kind, op, operand);
  }
}

/**
 * Compiles one condition, already checked, into a predicate on one value. isEmpty / isNotEmpty look at emptiness;
 * every other operator is false on an empty value except the negations in `TRUE_ON_EMPTY`, which are true.
 */
export function compileCondition(field: FieldDef, op: FilterOperator, operand: unknown): ValuePredicate {
  if (op === 'isEmpty') return (value) => isEmptyValue(value);
  if (op === 'isNotEmpty') return (value) => !isEmptyValue(value);
  const test = positive(field, op, operand);
  if (TRUE_ON_EMPTY.has(op)) return (value, ctx) => isEmptyValue(value) || !test(value, ctx);
  return (value, ctx) => !isEmptyValue(value) && test(value, ctx);
}
