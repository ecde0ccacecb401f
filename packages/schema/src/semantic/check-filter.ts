import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import type { FormInfo } from './app-index.js';
import { checkFieldRef, optionIds, SELECT_TYPES } from './field-refs.js';
import { arr, isObj } from './read.js';

/**
 * Checks the fields of a filter AST against `form` (iteratively), and that values of select/multiselect conditions
 * name existing option ids.
 */
export function checkFilter(filter: unknown, path: PathSegments, form: FormInfo, problems: Problem[]): void {
  const stack: { node: unknown; path: PathSegments }[] = [{ node: filter, path }];
  while (stack.length > 0) {
    const { node, path: at } = stack.pop() as { node: unknown; path: PathSegments };
    if (!isObj(node)) continue;
    const group = Array.isArray(node.and) ? 'and' : Array.isArray(node.or) ? 'or' : undefined;
    if (group !== undefined) {
      const items = arr(node[group]);
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], path: [...at, group, i] });
      continue;
    }
    const field = checkFieldRef(form, node.field, [...at, 'field'], problems);
    if (field === undefined || !(SELECT_TYPES as readonly string[]).includes(field.type)) continue;
    const options = optionIds(field);
    const check = (value: unknown, valuePath: PathSegments) => {
      if (typeof value === 'string' && !options.has(value)) {
        problems.push(makeProblem('UNKNOWN_OPTION', valuePath, { option: value, field: field.id }));
      }
    };
    if (Array.isArray(node.value)) node.value.forEach((v, i) => check(v, [...at, 'value', i]));
    else check(node.value, [...at, 'value']);
  }
}
