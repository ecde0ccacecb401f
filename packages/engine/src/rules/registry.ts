import type { Operator } from './types.js';

export type OperatorRegistry = {
  get(name: string): Operator | undefined;
  has(name: string): boolean;
  all(): readonly Operator[];
};

/**
 * Operators that are never registered: json-logic-js `method` calls any JS method of a value and `log` writes to
 * the console (RELIABILITY I4).
 */
export const EXCLUDED_OPERATORS: readonly string[] = ['method', 'log'];

/** Builds a registry from operator modules; a name registered twice or an excluded name is a programming error. */
export function createOperatorRegistry(operators: readonly Operator[]): OperatorRegistry {
  const byName = new Map<string, Operator>();
  for (const op of operators) {
    if (byName.has(op.name)) throw new Error(`rule operator "${op.name}" is registered twice`);
    if (EXCLUDED_OPERATORS.includes(op.name)) throw new Error(`rule operator "${op.name}" is not allowed`);
    if (op.minArgs > op.maxArgs) throw new Error(`rule operator "${op.name}" has minArgs > maxArgs`);
    byName.set(op.name, op);
  }
  return {
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    all: () => [...byName.values()],
  };
}
