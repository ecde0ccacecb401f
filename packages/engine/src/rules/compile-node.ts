import type { OperatorRegistry } from './registry.js';
import { RuleError } from './rule-error.js';
import type { CompileEnv, CompiledNode, EagerOperator, Evaluator } from './types.js';

/** A node that always yields `value`. */
export function constantNode(value: unknown): CompiledNode {
  return { evaluate: () => value, constant: true, value };
}

function dynamicNode(evaluate: Evaluator): CompiledNode {
  return { evaluate, constant: false, value: undefined };
}

const EMPTY_ARGS: readonly unknown[] = Object.freeze([]);

/**
 * Compiles a rule that checkRule accepted into a tree of closures. Recursion is safe because checkRule bounds the depth.
 * Shapes follow json-logic-js `apply`: primitives and objects without exactly one key are data, arrays are evaluated
 * element-wise, a one-key object is an operator call whose non-array argument means `[argument]`.
 */
export function compileNode(rule: unknown, registry: OperatorRegistry, env: CompileEnv): CompiledNode {
  if (rule === null || typeof rule !== 'object') return constantNode(rule);
  if (Array.isArray(rule)) return compileArray(rule, registry, env);
  const keys = Object.keys(rule);
  if (keys.length !== 1) return constantNode(rule);
  const name = keys[0] as string;
  const op = registry.get(name);
  if (!op) throw new RuleError([{ path: '', code: 'UNKNOWN_OPERATOR', message: `unknown operator "${name}"` }]);
  const raw = (rule as Record<string, unknown>)[name];
  const rawArgs: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const args = rawArgs.map((arg) => compileNode(arg, registry, env));
  if (op.lazy) return dynamicNode(op.build(args, env));
  const evaluate = compileEager(op, args, env);
  const path = args.length === 1 ? args[0] : undefined;
  if (op.name === 'var' && path?.constant && (typeof path.value === 'string' || typeof path.value === 'number')) {
    const key = String(path.value);
    if (key !== '' && !key.includes('.')) return { evaluate, constant: false, value: undefined, varKey: key };
  }
  return dynamicNode(evaluate);
}

function compileArray(rule: readonly unknown[], registry: OperatorRegistry, env: CompileEnv): CompiledNode {
  const items = rule.map((item) => compileNode(item, registry, env));
  // An array of constants is one frozen constant: no allocation per call. json-logic-js returns a fresh copy instead.
  if (items.every((item) => item.constant)) return constantNode(Object.freeze(items.map((item) => item.value)));
  const fns = items.map((item) => item.evaluate);
  const n = fns.length;
  return dynamicNode((data, root) => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = (fns[i] as Evaluator)(data, root);
    return out;
  });
}

function compileEager(op: EagerOperator, args: readonly CompiledNode[], env: CompileEnv): Evaluator {
  const special = op.build?.(args, env);
  if (special) return special;
  const n = args.length;
  const a0 = args[0];
  const a1 = args[1];
  const a2 = args[2];
  if (n === 0) {
    const apply = op.apply;
    return (data, root) => apply(EMPTY_ARGS, data, root);
  }
  if (n === 1 && op.apply1 && a0) {
    const f = op.apply1;
    const a = a0.evaluate;
    return (data, root) => f(a(data, root), data, root);
  }
  if (n === 2 && op.apply2 && a0 && a1) {
    const f = op.apply2;
    const a = a0.evaluate;
    if (a1.constant) {
      const bv = a1.value;
      return (data, root) => f(a(data, root), bv, data, root);
    }
    const b = a1.evaluate;
    return (data, root) => f(a(data, root), b(data, root), data, root);
  }
  if (n === 3 && op.apply3 && a0 && a1 && a2) {
    const f = op.apply3;
    const a = a0.evaluate;
    const b = a1.evaluate;
    const c = a2.evaluate;
    return (data, root) => f(a(data, root), b(data, root), c(data, root), data, root);
  }
  const apply = op.apply;
  const fns = args.map((arg) => arg.evaluate);
  return (data, root) => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = (fns[i] as Evaluator)(data, root);
    return apply(values, data, root);
  };
}
