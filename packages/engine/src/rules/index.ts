export { compileRule } from './compile-rule.js';
export { checkRule, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from './check-rule.js';
export { ruleVars } from './rule-vars.js';
export { RuleError } from './rule-error.js';
export { truthy } from './truthy.js';
export { compileRuleToSql } from './sql/compile-rule-to-sql.js';
export { createOperatorRegistry, EXCLUDED_OPERATORS, type OperatorRegistry } from './registry.js';
export { RULE_OPERATORS, JSON_LOGIC_OPERATORS, FORMFLOW_OPERATORS } from './operators/index.js';
export { rmbUpper } from './operators/rmb-upper.js';
export type {
  CheckRuleOptions,
  CompiledNode,
  CompiledRule,
  CompileEnv,
  CompileRuleOptions,
  EagerOperator,
  Evaluator,
  LazyOperator,
  Operator,
} from './types.js';
export type { SqlParam, SqlResult, SqlTarget, SqlValueType, SqlTranslator } from './sql/sql-types.js';
