import type { CompiledNode, Evaluator, Operator } from '../types.js';
import { sqlIsEmpty } from '../sql/translate-strings.js';

const GROUP = 'empty';

/** Empty means null, missing (undefined), '' or []. Whitespace-only text and 0 are not empty. */
export function isEmpty(x: unknown): boolean {
  return x === null || x === undefined || x === '' || (Array.isArray(x) && x.length === 0);
}

/** coalesce: the first non-empty argument, evaluated left to right and no further; null when all are empty. */
function buildCoalesce(args: readonly CompiledNode[]): Evaluator {
  const fns = args.map((arg) => arg.evaluate);
  return (data, root) => {
    for (let i = 0; i < fns.length; i++) {
      const v = (fns[i] as Evaluator)(data, root);
      if (!isEmpty(v)) return v;
    }
    return null;
  };
}

export const emptyOperators: readonly Operator[] = [
  {
    name: 'is_empty',
    group: GROUP,
    minArgs: 1,
    maxArgs: 1,
    lazy: false,
    apply: (args) => isEmpty(args[0]),
    apply1: isEmpty,
    sql: sqlIsEmpty(false),
  },
  {
    name: 'is_not_empty',
    group: GROUP,
    minArgs: 1,
    maxArgs: 1,
    lazy: false,
    apply: (args) => !isEmpty(args[0]),
    apply1: (a) => !isEmpty(a),
    sql: sqlIsEmpty(true),
  },
  { name: 'coalesce', group: GROUP, minArgs: 1, maxArgs: Infinity, lazy: true, build: buildCoalesce },
];
