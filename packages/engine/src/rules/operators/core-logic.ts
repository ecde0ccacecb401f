import { truthy } from '../truthy.js';
import type { CompiledNode, Evaluator, Operator } from '../types.js';
import { sqlAnd, sqlIf, sqlNot, sqlOr, sqlTruthy } from '../sql/translate-logic.js';

const GROUP = 'core-logic';

function evaluators(args: readonly CompiledNode[]): Evaluator[] {
  return args.map((arg) => arg.evaluate);
}

/** `if` / `?:`: pairs of condition and value, an optional trailing else; no else and nothing true → null. */
function buildIf(args: readonly CompiledNode[]): Evaluator {
  const fns = evaluators(args);
  const n = fns.length;
  if (n === 0) return () => null;
  if (n === 1) return fns[0] as Evaluator;
  if (n === 3) {
    const [c, t, e] = fns as [Evaluator, Evaluator, Evaluator];
    return (data, root) => (truthy(c(data, root)) ? t(data, root) : e(data, root));
  }
  return (data, root) => {
    let i = 0;
    for (; i < n - 1; i += 2) {
      if (truthy((fns[i] as Evaluator)(data, root))) return (fns[i + 1] as Evaluator)(data, root);
    }
    return n === i + 1 ? (fns[i] as Evaluator)(data, root) : null;
  };
}

/** `and`: the first falsy value, else the last value. */
function buildAnd(args: readonly CompiledNode[]): Evaluator {
  const fns = evaluators(args);
  const n = fns.length;
  if (n === 1) return fns[0] as Evaluator;
  if (n === 2) {
    const [a, b] = fns as [Evaluator, Evaluator];
    return (data, root) => {
      const x = a(data, root);
      return truthy(x) ? b(data, root) : x;
    };
  }
  if (n === 4) {
    const [a, b, c, d] = fns as [Evaluator, Evaluator, Evaluator, Evaluator];
    return (data, root) => {
      let x = a(data, root);
      if (x !== true && !truthy(x)) return x;
      x = b(data, root);
      if (x !== true && !truthy(x)) return x;
      x = c(data, root);
      if (x !== true && !truthy(x)) return x;
      return d(data, root);
    };
  }
  return (data, root) => {
    let current: unknown;
    for (let i = 0; i < n; i++) {
      current = (fns[i] as Evaluator)(data, root);
      if (!truthy(current)) return current;
    }
    return current;
  };
}

/** `or`: the first truthy value, else the last value. */
function buildOr(args: readonly CompiledNode[]): Evaluator {
  const fns = evaluators(args);
  const n = fns.length;
  if (n === 1) return fns[0] as Evaluator;
  if (n === 2) {
    const [a, b] = fns as [Evaluator, Evaluator];
    return (data, root) => {
      const x = a(data, root);
      return truthy(x) ? x : b(data, root);
    };
  }
  return (data, root) => {
    let current: unknown;
    for (let i = 0; i < n; i++) {
      current = (fns[i] as Evaluator)(data, root);
      if (truthy(current)) return current;
    }
    return current;
  };
}

export const coreLogicOperators: readonly Operator[] = [
  { name: 'if', group: GROUP, minArgs: 0, maxArgs: Infinity, lazy: true, build: buildIf, sql: sqlIf },
  { name: '?:', group: GROUP, minArgs: 0, maxArgs: Infinity, lazy: true, build: buildIf, sql: sqlIf },
  // json-logic-js returns undefined for `{"and":[]}`/`{"or":[]}`: at least one argument is required.
  { name: 'and', group: GROUP, minArgs: 1, maxArgs: Infinity, lazy: true, build: buildAnd, sql: sqlAnd },
  { name: 'or', group: GROUP, minArgs: 1, maxArgs: Infinity, lazy: true, build: buildOr, sql: sqlOr },
  {
    name: '!',
    group: GROUP,
    minArgs: 1,
    maxArgs: 1,
    lazy: false,
    apply: (args) => !truthy(args[0]),
    apply1: (a) => !truthy(a),
    sql: sqlNot,
  },
  {
    name: '!!',
    group: GROUP,
    minArgs: 1,
    maxArgs: 1,
    lazy: false,
    apply: (args) => truthy(args[0]),
    apply1: (a) => truthy(a),
    sql: sqlTruthy,
  },
];
