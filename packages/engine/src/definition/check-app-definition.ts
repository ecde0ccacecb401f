import { validateDefinition } from '@formflow/schema';
import type { DefinitionKind, Problem } from '@formflow/schema';
import { RULE_OPERATORS } from '../rules/index.js';
import { checkFieldValues } from './check-field-values.js';

/**
 * Every problem of a definition, as the designer's save and the server's write check it: the schema's structural
 * and meaning checks (paths, ids, references, cycles, patterns, rule vars) plus the engine's rule-operator
 * allow-list, in one walk (RELIABILITY I4: `method`, `log` and unknown operators are refused at save); then, on a
 * sound definition, the field types' value checks of defaults and bounds (checkFieldValues).
 */
export function checkAppDefinition(value: unknown, kind: DefinitionKind = 'app'): Problem[] {
  const problems = validateDefinition(value, kind, { ruleOperators: RULE_OPERATORS });
  if (problems.length > 0 || (kind !== 'app' && kind !== 'form')) return problems;
  const forms =
    kind === 'form'
      ? [{ def: value, path: [] }]
      : ((value as { forms: unknown[] }).forms ?? []).map((def, i) => ({ def, path: ['forms', i] }));
  return checkFieldValues(forms);
}
