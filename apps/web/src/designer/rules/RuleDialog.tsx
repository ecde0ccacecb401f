import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FormDef, JsonValue, LogicRule, Rule } from '@formflow/schema';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { localized } from '../../ui/localized.js';
import { currentLanguage } from '../../i18n/current-language.js';
import { checkForm } from '../check-form.js';
import { COMPUTED_TYPES, LAYOUT_TYPES } from '../field-meta.js';
import { newId } from '../new-id.js';
import { canBeConditioned, groupToLogic, logicToGroup, type Condition, type ConditionGroup } from '../rule-model.js';
import { ConditionRow, ValueInput } from './ConditionRow.js';
import { JsonProp } from '../props/inputs.js';

type Kind = 'visible' | 'required' | 'readonly' | 'assign';

type Draft = {
  kind: Kind;
  group: ConditionGroup;
  /** `when` as JSON when the builder cannot show it (written by hand or by a template). */
  advancedWhen?: Rule;
  fields: string[];
  assignField: string;
  assignMode: 'value' | 'formula';
  assignValue: JsonValue;
};

function draftOf(rule: LogicRule | undefined): Draft {
  const base: Draft = {
    kind: 'visible',
    group: { combinator: 'and', conditions: [{ field: '', op: 'eq', value: null }] },
    fields: [],
    assignField: '',
    assignMode: 'value',
    assignValue: null,
  };
  if (!rule || rule.kind === 'validate') return base;
  const group = logicToGroup(rule.when);
  const when = group ? { group } : { group: { combinator: 'and' as const, conditions: [] }, advancedWhen: rule.when };
  if (rule.kind === 'assign') {
    const literal = rule.value === null || typeof rule.value !== 'object';
    return {
      ...base,
      ...when,
      kind: 'assign',
      assignField: rule.field,
      assignMode: literal ? 'value' : 'formula',
      assignValue: rule.value,
    };
  }
  return { ...base, ...when, kind: rule.kind, fields: rule.fields };
}

function ruleOf(draft: Draft, id: string): LogicRule {
  const when = draft.advancedWhen !== undefined ? draft.advancedWhen : groupToLogic(draft.group);
  if (draft.kind === 'assign') {
    const rule: LogicRule = { id, kind: 'assign', field: draft.assignField, value: draft.assignValue };
    if (draft.advancedWhen !== undefined || draft.group.conditions.length > 0) rule.when = when;
    return rule;
  }
  return { id, kind: draft.kind, when, fields: draft.fields };
}

/** The visual rule builder: "when <conditions> then show / require / lock <fields>" or "set <field> to <value>". */
export function RuleDialog({
  form,
  rule,
  onSave,
  onClose,
}: {
  form: FormDef;
  /** The rule edited; undefined for a new one. */
  rule: LogicRule | undefined;
  onSave: (rule: LogicRule) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('designer');
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const [id] = useState(() => rule?.id ?? newId('rule_'));
  const live = form.fields.filter((f) => !f.deleted);
  const conditionFields = live.filter(canBeConditioned);
  const targetFields = live.filter((f) => f.type !== 'section' || draft.kind === 'visible');
  const assignTargets = live.filter(
    (f) => !COMPUTED_TYPES.includes(f.type) && !LAYOUT_TYPES.includes(f.type) && f.type !== 'subtable',
  );
  const candidate = useMemo(() => ruleOf(draft, id), [draft, id]);
  const incomplete =
    (draft.advancedWhen === undefined && draft.group.conditions.some((c) => !c.field)) ||
    (draft.kind === 'assign' ? !draft.assignField : draft.fields.length === 0) ||
    (draft.kind !== 'assign' && draft.advancedWhen === undefined && draft.group.conditions.length === 0);
  const problems = useMemo(() => {
    if (incomplete) return [];
    const logic = [...(form.logic ?? [])];
    const index = rule ? logic.findIndex((r) => r.id === rule.id) : -1;
    const at = index >= 0 ? index : logic.length;
    logic[at] = candidate;
    return checkForm({ ...form, logic }, currentLanguage()).filter((p) => p.ruleIndex === at);
  }, [candidate, form, rule, incomplete]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setCondition = (i: number, c: Condition) =>
    set({ group: { ...draft.group, conditions: draft.group.conditions.map((x, j) => (j === i ? c : x)) } });
  const assignField = live.find((f) => f.id === draft.assignField);

  return (
    <Dialog
      open
      wide
      title={rule ? t('rules.edit') : t('rules.add')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" disabled={incomplete || problems.length > 0} onClick={() => onSave(candidate)}>
            {t('rules.save')}
          </Button>
        </>
      }
    >
      <div className="dz-rule">
        <div className="dz-rule__section">
          <div className="dz-rule__title">{t('rules.when')}</div>
          {draft.advancedWhen !== undefined ? (
            <>
              <JsonProp
                label={t('rules.advanced')}
                value={draft.advancedWhen}
                onChange={(v) => set({ advancedWhen: v })}
              />
              <Button
                small
                onClick={() =>
                  set({
                    advancedWhen: undefined,
                    group: { combinator: 'and', conditions: [{ field: '', op: 'eq', value: null }] },
                  })
                }
              >
                {t('rules.useBuilder')}
              </Button>
            </>
          ) : (
            <>
              {draft.group.conditions.length > 1 ? (
                <div className="dz-segmented" role="radiogroup" aria-label={t('rules.combinator')}>
                  {(['and', 'or'] as const).map((c) => (
                    <label key={c} className={draft.group.combinator === c ? 'is-on' : ''}>
                      <input
                        type="radio"
                        name="combinator"
                        checked={draft.group.combinator === c}
                        onChange={() => set({ group: { ...draft.group, combinator: c } })}
                      />
                      {t(`rules.${c}`)}
                    </label>
                  ))}
                </div>
              ) : null}
              {draft.group.conditions.map((c, i) => (
                <ConditionRow
                  key={i}
                  index={i}
                  condition={c}
                  fields={conditionFields}
                  onChange={(next) => setCondition(i, next)}
                  onRemove={() =>
                    set({ group: { ...draft.group, conditions: draft.group.conditions.filter((_, j) => j !== i) } })
                  }
                />
              ))}
              <Button
                small
                onClick={() =>
                  set({
                    group: {
                      ...draft.group,
                      conditions: [...draft.group.conditions, { field: '', op: 'eq', value: null }],
                    },
                  })
                }
              >
                + {t('rules.addCondition')}
              </Button>
              {draft.kind === 'assign' && draft.group.conditions.length === 0 ? (
                <div className="dz-prop__hint">{t('rules.always')}</div>
              ) : null}
            </>
          )}
        </div>
        <div className="dz-rule__section">
          <label className="dz-rule__title" htmlFor="dz-rule-kind">
            {t('rules.then')}
          </label>
          <select
            id="dz-rule-kind"
            className="ff-select"
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as Kind })}
          >
            {(['visible', 'required', 'readonly', 'assign'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`rules.kind.${k}`)}
              </option>
            ))}
          </select>
          {draft.kind === 'assign' ? (
            <div className="dz-assign">
              <select
                className="ff-select"
                aria-label={t('rules.assignField')}
                value={draft.assignField}
                onChange={(e) => set({ assignField: e.target.value, assignValue: null })}
              >
                <option value="" disabled>
                  {t('rules.chooseField')}
                </option>
                {assignTargets.map((f) => (
                  <option key={f.id} value={f.id}>
                    {localized(f.label) || f.id}
                  </option>
                ))}
              </select>
              <div className="dz-segmented" role="radiogroup" aria-label={t('rules.assignMode')}>
                {(['value', 'formula'] as const).map((m) => (
                  <label key={m} className={draft.assignMode === m ? 'is-on' : ''}>
                    <input
                      type="radio"
                      name="assign-mode"
                      checked={draft.assignMode === m}
                      onChange={() => set({ assignMode: m, assignValue: null })}
                    />
                    {t(`rules.assign.${m}`)}
                  </label>
                ))}
              </div>
              {draft.assignMode === 'value' ? (
                <ValueInput
                  field={assignField}
                  value={draft.assignValue}
                  label={t('rules.assignValue')}
                  onChange={(v) => set({ assignValue: v })}
                />
              ) : (
                <JsonProp
                  label={t('rules.assignFormula')}
                  hint={t('props.formulaHint')}
                  value={draft.assignValue}
                  onChange={(v) => set({ assignValue: v })}
                />
              )}
            </div>
          ) : (
            <fieldset className="dz-targets">
              <legend className="dz-prop__label">{t('rules.targets')}</legend>
              {targetFields.map((f: FieldDef) => (
                <label key={f.id}>
                  <input
                    type="checkbox"
                    checked={draft.fields.includes(f.id)}
                    onChange={(e) =>
                      set({
                        fields: e.target.checked ? [...draft.fields, f.id] : draft.fields.filter((x) => x !== f.id),
                      })
                    }
                  />
                  {localized(f.label) || f.id}
                </label>
              ))}
            </fieldset>
          )}
        </div>
        {problems.length > 0 ? (
          <ul className="dz-problems" role="alert">
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  );
}
