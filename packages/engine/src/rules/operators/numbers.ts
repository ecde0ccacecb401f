import type { Operator } from '../types.js';
import { roundDecimal, type RoundMode } from '../../values/round-decimal.js';
import { rmbUpper } from './rmb-upper.js';
import { parseNumberText } from './strings.js';

const GROUP = 'numbers';

/** A finite number, or a numeric string ("1,200.5"); anything else → null. */
export function asNumber(x: unknown): number | null {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (typeof x === 'string') return parseNumberText(x);
  return null;
}

function rounder(name: string, mode: RoundMode): Operator {
  const apply2 = (a: unknown, b: unknown): number | null => {
    const x = asNumber(a);
    const digits = b === undefined ? 0 : b;
    if (x === null || typeof digits !== 'number' || !Number.isInteger(digits) || Math.abs(digits) > 15) return null;
    return roundDecimal(x, digits, mode);
  };
  return {
    name,
    group: GROUP,
    minArgs: 1,
    maxArgs: 2,
    lazy: false,
    apply: (args) => apply2(args[0], args[1]),
    apply1: (a) => apply2(a, undefined),
    apply2,
  };
}

/** Numbers of an array (numeric strings included); null, '' and non-numbers are skipped. */
function numbersOf(items: unknown): number[] | null {
  if (!Array.isArray(items)) return null;
  const out: number[] = [];
  for (const item of items) {
    const n = asNumber(item);
    if (n !== null) out.push(n);
  }
  return out;
}

/** Sums with the result rounded to 10 decimals, so 0.1 + 0.2 is 0.3. */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return Math.abs(total) < 1e15 ? roundDecimal(total, 10) : total;
}

function unary(name: string, fn: (a: unknown) => unknown): Operator {
  return { name, group: GROUP, minArgs: 1, maxArgs: 1, lazy: false, apply: (args) => fn(args[0]), apply1: fn };
}

export const numberOperators: readonly Operator[] = [
  rounder('round', 'round'),
  rounder('floor', 'floor'),
  rounder('ceil', 'ceil'),
  unary('abs', (a) => {
    const x = asNumber(a);
    return x === null ? null : Math.abs(x);
  }),
  unary('sum', (a) => {
    const xs = numbersOf(a);
    return xs === null ? null : sum(xs);
  }),
  unary('avg', (a) => {
    const xs = numbersOf(a);
    return xs === null || xs.length === 0 ? null : roundDecimal(sum(xs) / xs.length, 10);
  }),
  unary('count', (a) => {
    if (!Array.isArray(a)) return null;
    let n = 0;
    for (const item of a) if (item !== null && item !== '' && !(Array.isArray(item) && item.length === 0)) n++;
    return n;
  }),
  {
    // Bounded: |exponent| ≤ 1000 and a finite result, else null.
    name: 'pow',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => pow(args[0], args[1]),
    apply2: (a, b) => pow(a, b),
  },
  unary('rmb_upper', (a) => rmbUpper(asNumber(a))),
];

function pow(a: unknown, b: unknown): number | null {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x === null || y === null || Math.abs(y) > 1000) return null;
  const r = x ** y;
  return Number.isFinite(r) ? r : null;
}
