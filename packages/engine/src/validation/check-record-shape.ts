import { FORBIDDEN_KEYS, formatPath } from '@formflow/schema';
import { makeError } from './make-error.js';
import type { RecordError } from './record-error.js';

export type RecordLimits = {
  /** Deepest nesting of a record value (RELIABILITY A3: about 32). */
  maxDepth: number;
  /** Most values (objects, arrays and scalars) in one record. */
  maxNodes: number;
};

export const DEFAULT_RECORD_LIMITS: RecordLimits = { maxDepth: 32, maxNodes: 200_000 };

/** How many more values a record may hold; shared by the checks of its fields. */
export type NodeBudget = { left: number };

/**
 * Checks one value of a record before anything recursive or schema-driven touches it: no deeper than `maxDepth`
 * (the record itself is level 1), no more values than the budget allows, and no `__proto__` / `constructor` /
 * `prototype` key at any depth (RELIABILITY A3, A4). Iterative, so a 100,000-deep value is refused without a stack
 * overflow. Scalars cost nothing.
 */
export function checkValueShape(
  value: unknown,
  key: string,
  limits: RecordLimits,
  budget: NodeBudget,
): RecordError | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: { value: object; depth: number; path: (string | number)[] }[] = [{ value, depth: 2, path: [key] }];
  while (stack.length > 0) {
    const { value: node, depth, path } = stack.pop()!;
    if (depth > limits.maxDepth) return makeError('NESTING_TOO_DEEP', null, formatPath(path), { max: limits.maxDepth });
    const isArray = Array.isArray(node);
    const keys = isArray ? null : Object.keys(node);
    const length = isArray ? node.length : keys!.length;
    budget.left -= length;
    if (budget.left < 0) {
      return makeError('TOO_LARGE', null, formatPath(path), { reason: `more than ${limits.maxNodes} values` });
    }
    for (let i = 0; i < length; i++) {
      const k: string | number = isArray ? i : keys![i]!;
      if (!isArray && FORBIDDEN_KEYS.has(k as string))
        return makeError('FORBIDDEN_KEY', null, formatPath([...path, k]), { key: k });
      const child = (node as Record<string | number, unknown>)[k];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1, path: [...path, k] });
    }
  }
  return null;
}

/** The whole-record form of the check: a plain object whose every value passes `checkValueShape`. */
export function checkRecordShape(data: unknown, limits: RecordLimits = DEFAULT_RECORD_LIMITS): RecordError | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return makeError('NOT_AN_OBJECT', null, '');
  const budget: NodeBudget = { left: limits.maxNodes };
  for (const key of Object.keys(data)) {
    if (FORBIDDEN_KEYS.has(key)) return makeError('FORBIDDEN_KEY', null, formatPath([key]), { key });
    const error = checkValueShape((data as Record<string, unknown>)[key], key, limits, budget);
    if (error) return error;
  }
  return null;
}
