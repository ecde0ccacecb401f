import { validateDefinition } from '@formflow/schema';
import type { DefinitionKind, Problem } from '@formflow/schema';
import { RULE_OPERATORS } from '../rules/index.js';

/**
 * Every problem of a definition, as the designer's save and the server's write check it: the schema's structural
 * and meaning checks (paths, ids, references, cycles, patterns, rule vars) plus the engine's rule-operator
 * allow-list, in one walk (RELIABILITY I4: `method`, `log` and unknown operators are refused at save).
 */
export function checkAppDefinition(value: unknown, kind: DefinitionKind = 'app'): Problem[] {
  return validateDefinition(value, kind, { ruleOperators: RULE_OPERATORS });
}
