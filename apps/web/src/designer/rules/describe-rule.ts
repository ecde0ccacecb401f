import type { FieldDef, LogicRule, SelectOption } from '@formflow/schema';
import { localized } from '../../ui/localized.js';
import { logicToGroup, takesValue } from '../rule-model.js';

type T = (key: string, options?: Record<string, unknown>) => string;

function valueText(field: FieldDef | undefined, value: unknown, t: T): string {
  if (field?.type === 'select' || field?.type === 'multiselect') {
    const options = (field.settings?.['options'] ?? []) as unknown as SelectOption[];
    const option = Array.isArray(options) ? options.find((o) => o.id === value) : undefined;
    if (option) return localized(option.label);
  }
  if (value === true) return t('mock.yes');
  if (value === false) return t('mock.no');
  return value === null || value === undefined ? '' : String(value);
}

/** A one-line reading of a rule: "When Stage = Lost → Show: Loss reason". */
export function describeRule(
  rule: LogicRule,
  fields: ReadonlyMap<string, FieldDef>,
  t: T,
): { when: string; then: string } {
  const name = (id: string) => localized(fields.get(id)?.label) || id;
  const group =
    'when' in rule && rule.when !== undefined
      ? logicToGroup(rule.when)
      : { combinator: 'and' as const, conditions: [] };
  const when = !group
    ? t('rules.custom')
    : group.conditions.length === 0
      ? t('rules.always')
      : group.conditions
          .map((c) => {
            const op = t(`ops.${c.op}`);
            const value = takesValue(c.op) ? ' ' + valueText(fields.get(c.field), c.value, t) : '';
            return `${name(c.field)} ${op}${value}`;
          })
          .join(` ${t(`rules.${group.combinator}`)} `);
  if (rule.kind === 'assign') return { when, then: t('rules.summaryAssign', { field: name(rule.field) }) };
  const targets = (rule.fields ?? []).map(name).join(t('rules.listSep'));
  return { when, then: t('rules.summaryThen', { kind: t(`rules.kind.${rule.kind}`), fields: targets }) };
}
