import type { Problem } from '@formflow/schema';

/** Thrown by compileRule (and ruleVars, compileRuleToSql) for a rule that checkRule rejects. */
export class RuleError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const first = problems[0];
    super(first ? `invalid rule: ${first.message}${first.path ? ` at ${first.path}` : ''}` : 'invalid rule');
    this.name = 'RuleError';
    this.problems = problems;
  }
}
