import type { CompiledNode, Evaluator } from '../types.js';
import { readOwn } from '../var-path.js';

type Loose = number;
export type FusedOp = '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=';

/**
 * Fused forms of `{"op": [{"var": "key"}, constant]}`, the most common rule shape: one closure with the own-property
 * read inlined, and one closure body per operator so V8 call sites stay monomorphic. Same semantics as the generic path.
 */
export function fuseVarConstant(op: FusedOp, args: readonly CompiledNode[]): Evaluator | undefined {
  const [x, y] = args;
  if (args.length !== 2 || !x?.varKey || !y?.constant) return undefined;
  const k = x.varKey;
  const c = y.value;
  switch (op) {
    case '==':
      return (d) => readOwn(d, k) == c;
    case '!=':
      return (d) => readOwn(d, k) != c;
    case '===':
      return (d) => readOwn(d, k) === c;
    case '!==':
      return (d) => readOwn(d, k) !== c;
    case '<':
      return (d) => (readOwn(d, k) as Loose) < (c as Loose);
    case '<=':
      return (d) => (readOwn(d, k) as Loose) <= (c as Loose);
    case '>':
      return (d) => (readOwn(d, k) as Loose) > (c as Loose);
    case '>=':
      return (d) => (readOwn(d, k) as Loose) >= (c as Loose);
  }
}

/** `{"in": [{"var": "key"}, [constant list]]}`. */
export function fuseVarInList(args: readonly CompiledNode[]): Evaluator | undefined {
  const [x, y] = args;
  if (args.length !== 2 || !x?.varKey || !y?.constant || !Array.isArray(y.value)) return undefined;
  const k = x.varKey;
  const list: readonly unknown[] = y.value;
  return (d) => list.indexOf(readOwn(d, k)) !== -1;
}
