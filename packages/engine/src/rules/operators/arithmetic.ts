import type { Operator } from '../types.js';
import { sqlAdd, sqlDivide, sqlMinMax, sqlMultiply, sqlSubtract } from '../sql/translate-arithmetic.js';

const GROUP = 'arithmetic';
type Loose = number;

/** json-logic-js `parseFloat(x, 10)`; a number maps to itself except -0 → 0 (what parseFloat(String(-0)) gives). */
function pf(x: unknown): number {
  if (typeof x === 'number') return x === 0 ? 0 : x;
  return parseFloat(x as string);
}

function add(args: readonly unknown[]): number {
  let acc = 0;
  for (let i = 0; i < args.length; i++) acc = acc + pf(args[i]);
  return acc;
}

/** json-logic-js reduces without an initial value: one argument is returned as is, not parsed. */
function multiply(args: readonly unknown[]): unknown {
  let acc: unknown = args[0];
  for (let i = 1; i < args.length; i++) acc = pf(acc) * pf(args[i]);
  return acc;
}

export const arithmeticOperators: readonly Operator[] = [
  {
    name: '+',
    group: GROUP,
    minArgs: 0,
    maxArgs: Infinity,
    lazy: false,
    apply: add,
    apply1: (a) => 0 + pf(a),
    apply2: (a, b) => 0 + pf(a) + pf(b),
    sql: sqlAdd,
  },
  {
    // json-logic-js throws on `{"*":[]}` (reduce of an empty array).
    name: '*',
    group: GROUP,
    minArgs: 1,
    maxArgs: Infinity,
    lazy: false,
    apply: multiply,
    apply1: (a) => a,
    apply2: (a, b) => pf(a) * pf(b),
    sql: sqlMultiply,
  },
  {
    name: '-',
    group: GROUP,
    minArgs: 1,
    maxArgs: 2,
    lazy: false,
    apply: (args) => (args[1] === undefined ? -(args[0] as Loose) : (args[0] as Loose) - (args[1] as Loose)),
    apply1: (a) => -(a as Loose),
    apply2: (a, b) => (b === undefined ? -(a as Loose) : (a as Loose) - (b as Loose)),
    sql: sqlSubtract,
  },
  {
    name: '/',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => (args[0] as Loose) / (args[1] as Loose),
    apply2: (a, b) => (a as Loose) / (b as Loose),
    sql: sqlDivide,
  },
  {
    name: '%',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => (args[0] as Loose) % (args[1] as Loose),
    apply2: (a, b) => (a as Loose) % (b as Loose),
  },
  {
    // No arguments would give ±Infinity, which is not JSON.
    name: 'min',
    group: GROUP,
    minArgs: 1,
    maxArgs: Infinity,
    lazy: false,
    apply: (args) => Math.min.apply(null, args as Loose[]),
    sql: sqlMinMax('min'),
  },
  {
    name: 'max',
    group: GROUP,
    minArgs: 1,
    maxArgs: Infinity,
    lazy: false,
    apply: (args) => Math.max.apply(null, args as Loose[]),
    sql: sqlMinMax('max'),
  },
];
