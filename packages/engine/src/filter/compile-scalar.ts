import type { FilterOperator } from '@formflow/schema';
import { foldText } from '../text/index.js';
import type { FieldKind } from './field-kind.js';
import type { ValuePredicate } from './types.js';

type Key = string | number | boolean;

/** The comparable key of a value in a scalar field: folded text, a finite number, a date string, a boolean. */
function scalarKey(kind: FieldKind, value: unknown): Key | undefined {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? foldText(value) : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'date':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    default:
      if (typeof value === 'string') return foldText(value);
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      return typeof value === 'boolean' ? value : undefined;
  }
}

function ordered(a: Key | undefined, b: Key): a is Key {
  return a !== undefined && typeof a === typeof b && typeof a !== 'boolean';
}

/**
 * Equality and order on text (folded), numbers, dates (`YYYY-MM-DD` compare as strings), booleans and computed
 * values (compared only with operands of the same JSON type). Called on non-empty values only; the negations
 * (`neq`, `notIn`) are the caller's job.
 */
export function compileScalar(kind: FieldKind, op: FilterOperator, operand: unknown): ValuePredicate {
  if (op === 'in' || op === 'notIn') {
    const keys = new Set((operand as unknown[]).map((v) => scalarKey(kind, v)));
    return (value) => {
      const k = scalarKey(kind, value);
      return k !== undefined && keys.has(k);
    };
  }
  if (op === 'between') {
    const [lo, hi] = (operand as unknown[]).map((v) => scalarKey(kind, v) as Key);
    return (value) => {
      const k = scalarKey(kind, value);
      return ordered(k, lo as Key) && k >= (lo as Key) && k <= (hi as Key);
    };
  }
  const b = scalarKey(kind, operand) as Key;
  switch (op) {
    case 'eq':
    case 'neq':
      return (value) => scalarKey(kind, value) === b;
    case 'gt':
      return (value) => {
        const k = scalarKey(kind, value);
        return ordered(k, b) && k > b;
      };
    case 'gte':
      return (value) => {
        const k = scalarKey(kind, value);
        return ordered(k, b) && k >= b;
      };
    case 'lt':
      return (value) => {
        const k = scalarKey(kind, value);
        return ordered(k, b) && k < b;
      };
    case 'lte':
      return (value) => {
        const k = scalarKey(kind, value);
        return ordered(k, b) && k <= b;
      };
    default:
      throw new Error(`compileScalar: unexpected operator ${op}`);
  }
}
