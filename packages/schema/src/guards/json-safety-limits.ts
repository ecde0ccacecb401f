/** Limits of the JSON safety guards. */
export type JsonSafetyLimits = {
  /** Deepest nesting of objects and arrays (the root container is level 1). */
  maxDepth: number;
  /** Longest string (value or key), in UTF-16 code units. */
  maxStringLength: number;
  /** Most values (containers, primitives) in one document. */
  maxNodes: number;
};

export const DEFINITION_LIMITS: JsonSafetyLimits = { maxDepth: 200, maxStringLength: 100_000, maxNodes: 1_000_000 };

/** Deepest nesting of a rule, counted from the rule itself (RELIABILITY A3). */
export const RULE_MAX_DEPTH = 100;

/** Largest definition text `parseDefinitionJson` accepts, in characters. */
export const MAX_DEFINITION_TEXT = 5 * 1024 * 1024;
