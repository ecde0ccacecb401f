import type { Operator } from '../types.js';
import { sqlEquality, sqlOrdering } from '../sql/translate-compare.js';
import { fuseVarConstant } from './fused-compare.js';

const GROUP = 'comparison';

// JS operators on unknown values: the casts only satisfy the type checker; the runtime semantics are JS's,
// exactly as json-logic-js (loose `==`, relational comparison with ToPrimitive/ToNumber).
type Loose = number;

function lt(a: unknown, b: unknown, c: unknown): boolean {
  return c === undefined ? (a as Loose) < (b as Loose) : (a as Loose) < (b as Loose) && (b as Loose) < (c as Loose);
}

function le(a: unknown, b: unknown, c: unknown): boolean {
  return c === undefined ? (a as Loose) <= (b as Loose) : (a as Loose) <= (b as Loose) && (b as Loose) <= (c as Loose);
}

export const comparisonOperators: readonly Operator[] = [
  {
    name: '==',
    group: GROUP,
    build: (args) => fuseVarConstant('==', args),
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => args[0] == args[1],
    apply2: (a, b) => a == b,
    sql: sqlEquality('==', false),
  },
  {
    name: '!=',
    group: GROUP,
    build: (args) => fuseVarConstant('!=', args),
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => args[0] != args[1],
    apply2: (a, b) => a != b,
    sql: sqlEquality('==', true),
  },
  {
    name: '===',
    group: GROUP,
    build: (args) => fuseVarConstant('===', args),
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => args[0] === args[1],
    apply2: (a, b) => a === b,
    sql: sqlEquality('===', false),
  },
  {
    name: '!==',
    group: GROUP,
    build: (args) => fuseVarConstant('!==', args),
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => args[0] !== args[1],
    apply2: (a, b) => a !== b,
    sql: sqlEquality('===', true),
  },
  {
    name: '>',
    group: GROUP,
    build: (args) => fuseVarConstant('>', args),
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => (args[0] as Loose) > (args[1] as Loose),
    apply2: (a, b) => (a as Loose) > (b as Loose),
    sql: sqlOrdering('>'),
  },
  {
    name: '>=',
    group: GROUP,
    build: (args) => fuseVarConstant('>=', args),
    minArgs: 2,
    maxArgs: 2,
    lazy: false,
    apply: (args) => (args[0] as Loose) >= (args[1] as Loose),
    apply2: (a, b) => (a as Loose) >= (b as Loose),
    sql: sqlOrdering('>='),
  },
  {
    // 3 arguments: a < b < c ("between, exclusive").
    name: '<',
    group: GROUP,
    build: (args) => fuseVarConstant('<', args),
    minArgs: 2,
    maxArgs: 3,
    lazy: false,
    apply: (args) => lt(args[0], args[1], args[2]),
    apply2: (a, b) => (a as Loose) < (b as Loose),
    apply3: (a, b, c) => lt(a, b, c),
    sql: sqlOrdering('<'),
  },
  {
    // 3 arguments: a <= b <= c ("between, inclusive").
    name: '<=',
    group: GROUP,
    build: (args) => fuseVarConstant('<=', args),
    minArgs: 2,
    maxArgs: 3,
    lazy: false,
    apply: (args) => le(args[0], args[1], args[2]),
    apply2: (a, b) => (a as Loose) <= (b as Loose),
    apply3: (a, b, c) => le(a, b, c),
    sql: sqlOrdering('<='),
  },
];
