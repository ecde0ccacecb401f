import type { JsonValue, Rule } from '@formflow/schema';
import type { SqlTranslator } from './sql/sql-types.js';

/**
 * A compiled node evaluates against the current data (an item inside map/filter/…, else the record)
 * and the root data (always the record with its `$today`/`$now` context).
 */
export type Evaluator = (data: unknown, root: unknown) => unknown;

/** One compiled sub-rule. `constant` nodes never read data, and `value` is their value. */
export type CompiledNode = {
  readonly evaluate: Evaluator;
  readonly constant: boolean;
  readonly value: unknown;
  /** Set for `{"var": "key"}` with a one-segment constant path and no default, so operators can fuse the read. */
  readonly varKey?: string;
};

/** A compiled rule: call it with `{ [fieldId]: value, $member, $today, $now }`. */
export type CompiledRule = (data: unknown) => JsonValue;

/** A static problem an operator finds in its raw arguments (for example an unknown date unit). */
export type ArgumentProblem = { argIndex: number; code: string; message: string };

type OperatorBase = {
  /** The JsonLogic key, e.g. `"=="` or `"date_diff"`. */
  readonly name: string;
  /** The module the operator comes from, for documentation. */
  readonly group: string;
  readonly minArgs: number;
  /** `Infinity` for n-ary operators. */
  readonly maxArgs: number;
  /** Argument indexes evaluated once per array item, where `var` reads the item (map, filter, reduce, all, …). */
  readonly itemScopeArgs?: readonly number[];
  /** Static checks of the raw (unevaluated) arguments, run by checkRule. */
  readonly check?: (args: readonly Rule[]) => ArgumentProblem | null;
  /** Optional translation to SQL (see sql/compile-rule-to-sql.ts). */
  readonly sql?: SqlTranslator;
};

/** An operator whose arguments are evaluated first (depth-first), as json-logic-js does for most operators. */
export type EagerOperator = OperatorBase & {
  readonly lazy: false;
  /** General form, used for arities without a specialised form. */
  readonly apply: (args: readonly unknown[], data: unknown, root: unknown) => unknown;
  /** Specialised forms that avoid allocating an argument array on the hot path. */
  readonly apply1?: (a: unknown, data: unknown, root: unknown) => unknown;
  readonly apply2?: (a: unknown, b: unknown, data: unknown, root: unknown) => unknown;
  readonly apply3?: (a: unknown, b: unknown, c: unknown, data: unknown, root: unknown) => unknown;
  /** Compile-time specialisation from the compiled arguments (e.g. `var` with a constant path); undefined = generic. */
  readonly build?: (args: readonly CompiledNode[], env: CompileEnv) => Evaluator | undefined;
};

/** An operator that receives its arguments unevaluated and decides what to evaluate (if, and, or, map, …). */
export type LazyOperator = OperatorBase & {
  readonly lazy: true;
  readonly build: (args: readonly CompiledNode[], env: CompileEnv) => Evaluator;
};

/** What compilation knows besides the rule. */
export type CompileEnv = { readonly timeZone: string };

export type Operator = EagerOperator | LazyOperator;

export type CheckRuleOptions = {
  /** Maximum nesting of arrays and objects in the rule JSON (default 100). */
  maxDepth?: number;
  /** Maximum number of JSON values in the rule (default 10,000). */
  maxNodes?: number;
  /**
   * Says whether a top-level `var` path may be read (e.g. `f_amount` or `f_customer.name`; `''` is the whole record).
   * Paths starting with a context variable (`$today`, `$member`, …) are always allowed.
   */
  isKnownVar?: (path: string) => boolean;
};

export type CompileRuleOptions = CheckRuleOptions & {
  /** IANA zone used to turn ISO instants into calendar dates in date operators (default `UTC`). */
  timeZone?: string;
};
