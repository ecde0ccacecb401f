import { RULE_MAX_DEPTH } from '../guards/json-safety-limits.js';
import { FORBIDDEN_KEYS } from '../ids.js';
import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import { CONTEXT_VARIABLES } from '../rule.js';
import type { AppIndex, FieldInfo, FormInfo } from './app-index.js';
import { isObj } from './read.js';

/** Where a rule runs: its own form, and extra ids valid in its row scope (rollup condition, column formulas). */
export type RuleScope = {
  form: FormInfo | undefined;
  /** Extra fields the rule may read besides the form's top-level fields (a row's columns). */
  row?: ReadonlyMap<string, FieldInfo>;
  /** With no form (and `lenient`), unknown fields are not reported: the form itself was unknown. */
  lenient?: boolean;
};

/** Operators whose second argument runs once per item of the first: vars there read the item. */
const ITEM_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'all', 'some', 'none', 'reduce']);
const CONTEXT: ReadonlySet<string> = new Set(CONTEXT_VARIABLES);

/** 0: record scope; 1: item scope; 2: item scope of `reduce` (with `current` and `accumulator`). */
type ItemLevel = 0 | 1 | 2;
type Entry = { node: unknown; path: PathSegments; depth: number; item: ItemLevel };

const columnCache = new WeakMap<FormInfo, Set<string>>();
function columnIds(form: FormInfo): Set<string> {
  let ids = columnCache.get(form);
  if (ids === undefined) {
    ids = new Set([...form.all.keys()].filter((id) => !form.fields.has(id)));
    columnCache.set(form, ids);
  }
  return ids;
}

/**
 * Walks a rule iteratively: checks its depth, every `var`/`missing`/`missing_some` path (forbidden segments,
 * context names, field ids of its own form, fields of other forms) and returns the field ids it reads.
 */
export function checkRule(
  rule: unknown,
  path: PathSegments,
  scope: RuleScope,
  index: AppIndex,
  problems: Problem[],
): Set<string> {
  const deps = new Set<string>();
  const { form } = scope;

  const checkPath = (varPath: string, at: PathSegments, item: ItemLevel) => {
    if (varPath === '' && item > 0) return;
    const segments = varPath.split('.');
    const forbidden = segments.find((s) => FORBIDDEN_KEYS.has(s));
    if (forbidden !== undefined) {
      problems.push(makeProblem('FORBIDDEN_KEY', at, { key: forbidden }));
      return;
    }
    const first = segments[0] as string;
    if (first.startsWith('$')) {
      if (!CONTEXT.has(first)) {
        problems.push(makeProblem('UNKNOWN_VARIABLE', at, { name: first, allowed: CONTEXT_VARIABLES.join(', ') }));
      }
      return;
    }
    if (item === 2 && (first === 'current' || first === 'accumulator')) return;
    if (item > 0 && (/^[0-9]+$/.test(first) || (form !== undefined && columnIds(form).has(first)))) return;
    const field = scope.row?.get(first) ?? form?.fields.get(first);
    if (field !== undefined) {
      if (field.deleted) problems.push(makeProblem('DELETED_FIELD_REFERENCE', at, { id: first }));
      else if (form?.all.get(first) === field) deps.add(first);
      return;
    }
    if (form === undefined && scope.lenient === true) return;
    const others = (index.fieldForms.get(first) ?? []).filter((id) => id !== form?.id);
    if (others.length > 0) {
      problems.push(makeProblem('RULE_CROSS_FORM_REFERENCE', at, { id: first, otherForm: others[0] as string }));
    } else problems.push(makeProblem('UNKNOWN_FIELD_REFERENCE', at, { id: first, formId: form?.id ?? '' }));
  };

  const stack: Entry[] = [{ node: rule, path, depth: 1, item: 0 }];
  const push = (node: unknown, at: PathSegments, depth: number, item: ItemLevel) => {
    stack.push({ node, path: at, depth, item });
  };
  const literalPath = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

  while (stack.length > 0) {
    const { node, path: at, depth, item } = stack.pop() as Entry;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > RULE_MAX_DEPTH) {
      problems.push(makeProblem('NESTING_TOO_DEEP', at, { limit: RULE_MAX_DEPTH }));
      return deps;
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) push(node[i], [...at, i], depth + 1, item);
      continue;
    }
    const keys = Object.keys(node);
    if (keys.length !== 1 || !isObj(node)) continue; // not an operation: literal data
    const op = keys[0] as string;
    const arg = node[op];
    const argPath = [...at, op];
    if (index.ruleOperators !== undefined && !index.ruleOperators.has(op)) {
      problems.push(makeProblem('UNKNOWN_OPERATOR', at, { operator: op }));
      continue;
    }
    if (op === 'var') {
      const target = Array.isArray(arg) ? arg[0] : arg;
      const targetPath = Array.isArray(arg) ? [...argPath, 0] : argPath;
      if (Array.isArray(arg) && arg.length > 1) push(arg[1], [...argPath, 1], depth + 2, item);
      const literal = literalPath(target);
      if (literal !== undefined) checkPath(literal, targetPath, item);
      else if (target === null || target === undefined) checkPath('', targetPath, item);
      else if (typeof target === 'object') {
        problems.push(makeProblem('DYNAMIC_VAR_PATH', targetPath));
        push(target, targetPath, depth + 2, item);
      }
      continue;
    }
    if (op === 'missing' || op === 'missing_some') {
      const list = op === 'missing_some' && Array.isArray(arg) ? arg[1] : arg;
      const listPath = op === 'missing_some' ? [...argPath, 1] : argPath;
      if (op === 'missing_some' && Array.isArray(arg)) push(arg[0], [...argPath, 0], depth + 2, item);
      if (typeof list === 'string') checkPath(list, listPath, item);
      else if (Array.isArray(list)) {
        list.forEach((p, i) => {
          if (typeof p === 'string') checkPath(p, [...listPath, i], item);
          else push(p, [...listPath, i], depth + 3, item);
        });
      } else push(list, listPath, depth + 2, item);
      continue;
    }
    if (ITEM_OPERATORS.has(op) && Array.isArray(arg)) {
      for (let i = arg.length - 1; i >= 0; i--) {
        const level: ItemLevel = i !== 1 ? item : op === 'reduce' ? 2 : 1;
        push(arg[i], [...argPath, i], depth + 2, level);
      }
      continue;
    }
    push(arg, argPath, depth + 1, item);
  }
  return deps;
}
