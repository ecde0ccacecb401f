import { truthy } from '../truthy.js';
import type { CompiledNode, Evaluator, Operator } from '../types.js';

const GROUP = 'arrays';
const ITEM_SCOPE = [1] as const;

function pair(args: readonly CompiledNode[]): [Evaluator, Evaluator] {
  return [(args[0] as CompiledNode).evaluate, (args[1] as CompiledNode).evaluate];
}

/** map/filter/all/none/some evaluate their second argument with each array item as data (json-logic-js scoping). */
function buildMap(args: readonly CompiledNode[]): Evaluator {
  const [source, logic] = pair(args);
  return (data, root) => {
    const items = source(data, root);
    if (!Array.isArray(items)) return [];
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = logic(items[i], root);
    return out;
  };
}

function buildFilter(args: readonly CompiledNode[]): Evaluator {
  const [source, logic] = pair(args);
  return (data, root) => {
    const items = source(data, root);
    if (!Array.isArray(items)) return [];
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) if (truthy(logic(items[i], root))) out.push(items[i]);
    return out;
  };
}

/** reduce: the logic sees `{ current, accumulator }`; the initial value (default null) is evaluated in the outer scope. */
function buildReduce(args: readonly CompiledNode[]): Evaluator {
  const [source, logic] = pair(args);
  const initial = args[2]?.evaluate;
  return (data, root) => {
    const items = source(data, root);
    let accumulator = initial ? initial(data, root) : null;
    if (!Array.isArray(items)) return accumulator;
    for (let i = 0; i < items.length; i++) accumulator = logic({ current: items[i], accumulator }, root);
    return accumulator;
  };
}

function buildQuantifier(kind: 'all' | 'none' | 'some'): (args: readonly CompiledNode[]) => Evaluator {
  return (args) => {
    const [source, logic] = pair(args);
    const whenEmpty = kind === 'none';
    const stopOn = kind !== 'all'; // all stops on a falsy item, none/some on a truthy one
    const whenStopped = kind === 'some';
    return (data, root) => {
      const items = source(data, root);
      if (!Array.isArray(items) || items.length === 0) return whenEmpty;
      for (let i = 0; i < items.length; i++) {
        if (truthy(logic(items[i], root)) === stopOn) return kind === 'all' ? false : whenStopped;
      }
      return kind === 'all' ? true : !whenStopped;
    };
  };
}

export const arrayOperators: readonly Operator[] = [
  { name: 'map', group: GROUP, minArgs: 2, maxArgs: 2, lazy: true, itemScopeArgs: ITEM_SCOPE, build: buildMap },
  { name: 'filter', group: GROUP, minArgs: 2, maxArgs: 2, lazy: true, itemScopeArgs: ITEM_SCOPE, build: buildFilter },
  { name: 'reduce', group: GROUP, minArgs: 2, maxArgs: 3, lazy: true, itemScopeArgs: ITEM_SCOPE, build: buildReduce },
  {
    name: 'all',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: true,
    itemScopeArgs: ITEM_SCOPE,
    build: buildQuantifier('all'),
  },
  {
    name: 'none',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: true,
    itemScopeArgs: ITEM_SCOPE,
    build: buildQuantifier('none'),
  },
  {
    name: 'some',
    group: GROUP,
    minArgs: 2,
    maxArgs: 2,
    lazy: true,
    itemScopeArgs: ITEM_SCOPE,
    build: buildQuantifier('some'),
  },
];
