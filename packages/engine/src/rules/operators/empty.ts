import { isEmptyValue } from '../../values/is-empty-value.js';
import type { CompiledNode, Evaluator, Operator } from '../types.js';
import { sqlIsEmpty } from '../sql/translate-strings.js';

const GROUP = 'empty';

/**
 * Empty is Formflow's one meaning of it (values/is-empty-value.ts): null, missing, blank text, [] and an object with
 * no non-empty part — the same for required fields, filters and rules. 0 and false are values.
 */
export const isEmpty = isEmptyValue;

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
