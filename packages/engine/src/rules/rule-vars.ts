import type { Rule } from '@formflow/schema';
import { checkRule } from './check-rule.js';
import { RULE_OPERATORS } from './operators/index.js';
import { RuleError } from './rule-error.js';
import { splitVarPath } from './var-path.js';
import { walkRule } from './walk-rule.js';

/**
 * The distinct var paths a rule reads from the record (for dependency graphs), in first-seen order.
 * Includes `missing`/`missing_some` keys and the array path of map/filter/reduce/all/none/some, but not the
 * item-relative vars inside them. Whole-data reads (`{"var":""}`) and run-time computed paths are not listed.
 * Throws RuleError for a rule that checkRule rejects.
 */
export function ruleVars(rule: Rule): string[] {
  const problems = checkRule(rule);
  if (problems.length > 0) throw new RuleError(problems);
  const seen = new Set<string>();
  walkRule(rule, RULE_OPERATORS, {
    varRead(read) {
      if (read.scope !== 'record' || !read.isStatic) return;
      const segments = splitVarPath(read.path);
      if (segments !== null) seen.add(segments.join('.'));
    },
  });
  return [...seen];
}
