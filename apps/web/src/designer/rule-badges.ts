import type { LogicRule } from '@formflow/schema';

export type RuleBadgeKind = 'visible' | 'required' | 'readonly' | 'assign';

/** For each field a rule acts on, the rules acting on it with their kind (in rule order). */
export function ruleTargets(
  logic: readonly LogicRule[] | undefined,
): Map<string, { kind: RuleBadgeKind; rule: LogicRule }[]> {
  const out = new Map<string, { kind: RuleBadgeKind; rule: LogicRule }[]>();
  const add = (id: string, kind: RuleBadgeKind, rule: LogicRule) =>
    out.set(id, [...(out.get(id) ?? []), { kind, rule }]);
  for (const rule of logic ?? []) {
    if (rule.kind === 'assign') add(rule.field, 'assign', rule);
    else if (rule.kind !== 'validate') for (const id of rule.fields ?? []) add(id, rule.kind, rule);
  }
  return out;
}
