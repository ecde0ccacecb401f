import { foldText, graphemeLength, truncateGraphemes } from '../../text/index.js';
import type { Operator } from '../types.js';
import { sqlContains } from '../sql/translate-strings.js';

const GROUP = 'strings';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text of a scalar: strings as is, finite numbers and booleans via String; null, arrays and objects → null. */
export function asText(x: unknown): string | null {
  if (typeof x === 'string') return x;
  if ((typeof x === 'number' && Number.isFinite(x)) || typeof x === 'boolean') return String(x);
  return null;
}

function count(x: unknown): number | null {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : null;
}

function lastGraphemes(text: string, n: number): string {
  const parts = Array.from(segmenter.segment(text), (s) => s.segment);
  return n === 0 ? '' : parts.slice(-n).join('');
}

function padStart(text: string, length: number, pad: string): string | null {
  if (length > 10_000 || pad === '') return null;
  let missing = length - graphemeLength(text);
  let prefix = '';
  const unit = Array.from(segmenter.segment(pad), (s) => s.segment);
  for (let i = 0; missing > 0; i++, missing--) prefix += unit[i % unit.length];
  return prefix + text;
}

/** Strict number parsing: optional sign, digits with optional `,` thousands separators, decimals, exponent. */
export function parseNumberText(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(t) || !/\d/.test(t.replace(/[eE].*$/, '')))
    return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function textOp(name: string, fn: (text: string) => unknown): Operator {
  return {
    name,
    group: GROUP,
    minArgs: 1,
    maxArgs: 1,
    lazy: false,
    apply: (args) => {
      const t = asText(args[0]);
      return t === null ? null : fn(t);
    },
    apply1: (a) => {
      const t = asText(a);
      return t === null ? null : fn(t);
    },
  };
}

function textPairOp(name: string, fn: (a: string, b: string) => boolean, extra?: Partial<Operator>): Operator {
  const apply2 = (a: unknown, b: unknown): boolean => {
    const x = asText(a);
    const y = asText(b);
    return x !== null && y !== null && fn(foldText(x), foldText(y));
  };
  return {
    name,
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => apply2(args[0], args[1]),
    apply2,
    ...extra,
  } as Operator;
}

function textCountOp(name: string, fn: (text: string, n: number) => string): Operator {
  const apply2 = (a: unknown, b: unknown): string | null => {
    const t = asText(a);
    const n = count(b);
    return t === null || n === null ? null : fn(t, n);
  };
  return { name, group: GROUP, minArgs: 2, maxArgs: 2, lazy: false, apply: (args) => apply2(args[0], args[1]), apply2 };
}

export const stringOperators: readonly Operator[] = [
  textOp('lower', (t) => t.toLowerCase()),
  textOp('upper', (t) => t.toUpperCase()),
  textOp('trim', (t) => t.trim()),
  textOp('length', graphemeLength),
  textOp('to_number', parseNumberText),
  {
    name: 'to_text',
    group: GROUP,
    minArgs: 1,
    maxArgs: 1,
    lazy: false,
    apply: (args) => asText(args[0]) ?? '',
    apply1: (a) => asText(a) ?? '',
  },
  textPairOp('contains', (a, b) => a.includes(b), { sql: sqlContains }),
  textPairOp('starts_with', (a, b) => a.startsWith(b)),
  textPairOp('ends_with', (a, b) => a.endsWith(b)),
  textCountOp('left', truncateGraphemes),
  textCountOp('right', lastGraphemes),
  {
    name: 'pad_start',
    group: GROUP,
    minArgs: 2,
    maxArgs: 3,
    lazy: false,
    apply: (args) => {
      const t = asText(args[0]);
      const n = count(args[1]);
      const pad = args[2] === undefined ? ' ' : asText(args[2]);
      return t === null || n === null || pad === null ? null : padStart(t, n, pad);
    },
  },
  {
    name: 'join',
    group: GROUP,
    minArgs: 1,
    maxArgs: 2,
    lazy: false,
    apply: (args) => {
      const items = args[0];
      const sep = args[1] === undefined ? ',' : asText(args[1]);
      if (!Array.isArray(items) || sep === null) return null;
      const parts: string[] = [];
      for (const item of items) {
        const t = asText(item);
        if (t !== null && t !== '') parts.push(t);
      }
      return parts.join(sep);
    },
  },
];
