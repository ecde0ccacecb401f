import type { Operator } from './types.js';
import type { OperatorRegistry } from './registry.js';

export type Segment = string | number;
export type Scope = 'record' | 'item';

/** A `var` (or `missing` key) read found in a rule. `path` is the raw path argument. */
export type VarRead = {
  readonly path: unknown;
  /** False when the path is computed by a sub-rule, so it is only known at run time. */
  readonly isStatic: boolean;
  readonly scope: Scope;
  readonly at: readonly Segment[];
};

export type RuleVisitor = {
  unknownOperator?(name: string, at: readonly Segment[]): void;
  operator?(op: Operator, args: readonly unknown[], at: readonly Segment[], argAt: (i: number) => Segment[]): void;
  dataObject?(value: Record<string, unknown>, at: readonly Segment[]): void;
  varRead?(read: VarRead): void;
};

function isStaticValue(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/**
 * Visits a rule the way json-logic-js evaluates it. Recursive: call only after the iterative depth check.
 * Paths: an operator's arguments are `op[i]` (`and[1][">"][0]`), or `op` for the non-array shorthand (`{"var":"x"}`).
 */
export function walkRule(rule: unknown, registry: OperatorRegistry, visitor: RuleVisitor): void {
  visit(rule, [], 'record', registry, visitor);
}

function visit(value: unknown, at: Segment[], scope: Scope, registry: OperatorRegistry, visitor: RuleVisitor): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => visit(item, [...at, i], scope, registry, visitor));
    return;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    visitor.dataObject?.(value as Record<string, unknown>, at);
    return;
  }
  const name = keys[0] as string;
  const op = registry.get(name);
  if (!op) {
    visitor.unknownOperator?.(name, at);
    return;
  }
  const raw = (value as Record<string, unknown>)[name];
  const isArray = Array.isArray(raw);
  const args: readonly unknown[] = isArray ? raw : [raw];
  const argAt = (i: number): Segment[] => (isArray ? [...at, name, i] : [...at, name]);
  visitor.operator?.(op, args, at, argAt);
  if (visitor.varRead) reportVarReads(op, args, scope, argAt, visitor.varRead);
  args.forEach((arg, i) => {
    const argScope = op.itemScopeArgs?.includes(i) ? 'item' : scope;
    visit(arg, argAt(i), argScope, registry, visitor);
  });
}

function reportVarReads(
  op: Operator,
  args: readonly unknown[],
  scope: Scope,
  argAt: (i: number) => Segment[],
  report: (read: VarRead) => void,
): void {
  if (op.name === 'var') {
    const path = args[0];
    report({ path, isStatic: isStaticValue(path), scope, at: args.length === 0 ? argAt(0).slice(0, -1) : argAt(0) });
    return;
  }
  if (op.name !== 'missing' && op.name !== 'missing_some') return;
  const listIndex = op.name === 'missing' ? 0 : 1;
  const list = op.name === 'missing' ? (Array.isArray(args[0]) ? args[0] : args) : args[1];
  if (!Array.isArray(list)) {
    if (list !== undefined) report({ path: list, isStatic: isStaticValue(list), scope, at: argAt(listIndex) });
    return;
  }
  const listAt = op.name === 'missing' && !Array.isArray(args[0]) ? null : argAt(listIndex);
  list.forEach((key, i) => {
    const keyAt = listAt ? [...listAt, i] : argAt(i);
    report({ path: key, isStatic: isStaticValue(key), scope, at: keyAt });
  });
}
