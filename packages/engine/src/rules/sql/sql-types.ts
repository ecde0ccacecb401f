import type { JsonValue, Rule } from '@formflow/schema';

export type SqlParam = string | number | null;

/** What the store knows about a field's stored JSON value. `date` is a `YYYY-MM-DD` string; `array` a JSON array. */
export type SqlValueType = 'number' | 'string' | 'date' | 'boolean' | 'array';

export type SqlTarget = {
  /** Trusted SQL expression for a field path, e.g. `json_extract(data,'$.f_amount')`; null = not queryable. */
  column: (path: string) => string | null;
  dialect: 'sqlite';
  /** The stored type of a path; without it, comparisons on that path are refused (JS loose semantics). */
  valueType?: (path: string) => SqlValueType | null;
  /** Expression for the case-folded shadow (foldText) of a text path, used by `contains`. */
  foldedColumn?: (path: string) => string | null;
  /** Values of context variables (`$today`, `$now`, `$member`): sub-rules that read only these become parameters. */
  context?: { [name: string]: JsonValue };
};

export type SqlResult = { ok: true; sql: string; params: SqlParam[] } | { ok: false; reason: string };

/**
 * A translated sub-rule. `kind` is the JS type of the value (or `predicate`: SQL 0/1 that is the rule's truthiness,
 * never NULL). `nulls` says what SQL NULL stands for: JS `null` (a missing value), `NaN`, or that it cannot occur.
 * `literal` is set when the value was computed at translation time (it is then a single `?` parameter).
 */
export type SqlExpr = {
  readonly sql: string;
  readonly params: readonly SqlParam[];
  readonly kind: SqlValueType | 'predicate' | 'null' | 'unknown';
  readonly nulls: 'never' | 'null' | 'nan';
  readonly literal?: { readonly value: unknown };
  /** The field path, when the expression is a plain `var`. */
  readonly path?: string;
};

export type SqlRefusal = { readonly refused: string };

export type SqlContext = {
  readonly target: SqlTarget;
  /** Translates a sub-rule to a value expression. */
  translate(rule: Rule): SqlExpr | SqlRefusal;
  /** Translates a sub-rule to its truthiness (0/1). */
  predicate(rule: Rule): SqlExpr | SqlRefusal;
};

export type SqlTranslator = (args: readonly Rule[], ctx: SqlContext) => SqlExpr | SqlRefusal;
