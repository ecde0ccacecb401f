/**
 * @formflow/engine — the pure, isomorphic Formflow interpreter (DESIGN.md §2–5).
 * The same code runs in the browser (live forms) and on the server (authoritative validation).
 */
export * from './fields/index.js';
export * from './text/index.js';
export * from './rules/index.js';
export * from './filter/index.js';
export { isEmptyValue } from './values/is-empty-value.js';
export { evaluateForm, applyDefaults, type FieldState, type FormState } from './logic/evaluate-form.js';
export { compileFormLogic, type CompiledFormLogic } from './logic/compile-form-logic.js';
export { DependencyCycleError, dependencyOrder } from './logic/dependency-order.js';
export { contextValues, localDate, type LogicContext } from './logic/logic-context.js';
export { validateRecord, type ValidateRecordOptions, type ValidateRecordResult } from './validation/validate-record.js';
export { compileFormSchema, type CompiledFormSchema } from './validation/compile-form-schema.js';
export { checkRecordShape, DEFAULT_RECORD_LIMITS, type RecordLimits } from './validation/check-record-shape.js';
export { RECORD_ERROR_MESSAGES } from './validation/messages.js';
export type { RecordError, RecordErrorCode } from './validation/record-error.js';
export { checkAppDefinition } from './definition/check-app-definition.js';
export * from './parse/index.js';
export { loadChinaRegions } from './regions/index.js';
export { roundDecimal, type RoundMode } from './values/round-decimal.js';
export { shiftDecimal } from './values/shift-decimal.js';
export * from './schema-change/plan-type-change.js';
export * from './permissions/index.js';
export * from './relations/index.js';
