export * from './json.js';
export * from './json-schema.js';
export * from './ids.js';
export * from './localized.js';
export * from './rule.js';
export * from './problem.js';
export * from './field.js';
export * from './form.js';
export * from './filter.js';
export * from './view.js';
export * from './permission.js';
export * from './workflow.js';
export * from './automation.js';
export * from './dashboard.js';
export * from './app.js';
export * from './template.js';
export * from './field-settings/index.js';
export * from './schemas/index.js';
export { checkJsonSafety } from './guards/check-json-safety.js';
export { findInvalidCharacter, type InvalidCharacter } from './guards/find-invalid-character.js';
export {
  DEFINITION_LIMITS,
  MAX_DEFINITION_TEXT,
  RULE_MAX_DEPTH,
  type JsonSafetyLimits,
} from './guards/json-safety-limits.js';
export {
  parseDefinitionJson,
  type ParseDefinitionOptions,
  type ParseDefinitionResult,
} from './guards/parse-definition-json.js';
export { PROBLEM_CODES, type ProblemCode } from './problems/problem-codes.js';
export { localizeProblem } from './problems/localize-problem.js';
export { DEFINITION_KINDS, type DefinitionKind } from './validate/definition-kind.js';
export { validateDefinition } from './validate/validate-definition.js';
export type { SemanticOptions } from './semantic/run-semantic-checks.js';
export { MAX_PATTERN_LENGTH } from './semantic/check-pattern.js';
