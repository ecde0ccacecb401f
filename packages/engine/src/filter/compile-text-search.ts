import type { FilterOperator } from '@formflow/schema';
import { foldText } from '../text/index.js';
import type { ValuePredicate } from './types.js';

/** Strings a value offers to text search: itself, or the string parts of an object (address) or list (file names). */
function textsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 1 || typeof value !== 'object' || value === null) return [];
  const parts = Array.isArray(value) ? value : Object.values(value);
  return parts.flatMap((p: unknown) => textsOf(p, depth + 1));
}

/**
 * `contains` / `startsWith` / `endsWith` on `foldText` of both sides (so `Ä` finds `ä`, NFC finds NFD); the
 * caller negates for `notContains`. Called on non-empty values only.
 */
export function compileTextSearch(op: FilterOperator, operand: unknown): ValuePredicate {
  const needle = foldText(operand as string);
  const test =
    op === 'startsWith'
      ? (s: string) => s.startsWith(needle)
      : op === 'endsWith'
        ? (s: string) => s.endsWith(needle)
        : (s: string) => s.includes(needle);
  return (value) => {
    if (typeof value === 'string') return test(foldText(value));
    return textsOf(value).some((s) => test(foldText(s)));
  };
}
