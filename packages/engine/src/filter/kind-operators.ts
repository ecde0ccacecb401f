import type { FieldDef, FilterOperator } from '@formflow/schema';
import type { FieldKind } from './field-kind.js';
import { RELATIVE_OPERATORS, SEARCH_OPERATORS } from './operator-groups.js';

const EMPTY_OPS: readonly FilterOperator[] = ['isEmpty', 'isNotEmpty'];
const EQUALITY: readonly FilterOperator[] = ['eq', 'neq', 'in', 'notIn'];
const ORDER: readonly FilterOperator[] = ['gt', 'gte', 'lt', 'lte', 'between'];
const TEXT_SEARCH: readonly FilterOperator[] = [...SEARCH_OPERATORS];
const RELATIVE: readonly FilterOperator[] = [...RELATIVE_OPERATORS];
const SET: readonly FilterOperator[] = ['hasAny', 'hasAll', 'hasNone', 'contains', 'notContains'];

const BY_KIND: Record<FieldKind, ReadonlySet<FilterOperator>> = {
  text: new Set([...EMPTY_OPS, ...EQUALITY, ...TEXT_SEARCH]),
  number: new Set([...EMPTY_OPS, ...EQUALITY, ...ORDER]),
  date: new Set([...EMPTY_OPS, ...EQUALITY, ...ORDER, ...RELATIVE]),
  datetime: new Set([...EMPTY_OPS, ...EQUALITY, ...ORDER, ...RELATIVE]),
  boolean: new Set([...EMPTY_OPS, 'eq', 'neq']),
  option: new Set([...EMPTY_OPS, ...EQUALITY]),
  options: new Set([...EMPTY_OPS, ...EQUALITY, ...SET]),
  ref: new Set([...EMPTY_OPS, ...EQUALITY, 'hasAny', 'hasAll', 'hasNone']),
  refs: new Set([...EMPTY_OPS, ...EQUALITY, ...SET]),
  generic: new Set([...EMPTY_OPS, ...EQUALITY, ...ORDER, ...TEXT_SEARCH]),
  structured: new Set([...EMPTY_OPS, 'contains', 'notContains']),
  layout: new Set(),
};

/**
 * Whether the filter engine gives `op` a meaning on a field of this kind. A condition must pass both this and the
 * field type's own `operators` list. `isCurrentMember` applies to member and created-by fields, `isCurrentDepartment`
 * to department fields.
 */
export function kindSupports(field: FieldDef, kind: FieldKind, op: FilterOperator): boolean {
  if (op === 'isCurrentMember')
    return (kind === 'ref' || kind === 'refs') && (field.type === 'member' || field.type === 'createdBy');
  if (op === 'isCurrentDepartment') return (kind === 'ref' || kind === 'refs') && field.type === 'department';
  return BY_KIND[kind].has(op);
}
