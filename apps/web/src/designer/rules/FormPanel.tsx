import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FormDef, LogicRule } from '@formflow/schema';
import { Button } from '../../ui/Button.js';
import { currentLanguage } from '../../i18n/current-language.js';
import { editableText, setLocalized } from '../localized-edit.js';
import type { DesignerProblem } from '../check-form.js';
import { TextProp } from '../props/inputs.js';
import { RuleDialog } from './RuleDialog.js';
import { describeRule } from './describe-rule.js';

/** Form properties: name, description, and the form logic rules (list, add, edit, delete). */
export const FormPanel = memo(function FormPanel({
  form,
  problems,
  onChange,
}: {
  form: FormDef;
  problems: DesignerProblem[];
  onChange: (update: (form: FormDef) => FormDef, key: string) => void;
}) {
  const { t } = useTranslation('designer');
  const language = currentLanguage();
  const [editing, setEditing] = useState<LogicRule | 'new' | null>(null);
  const fields = useMemo(() => new Map<string, FieldDef>(form.fields.map((f) => [f.id, f])), [form.fields]);
  const rules = form.logic ?? [];
  const save = (rule: LogicRule) => {
    onChange((f) => {
      const logic = [...(f.logic ?? [])];
      const index = logic.findIndex((r) => r.id === rule.id);
      if (index >= 0) logic[index] = rule;
      else logic.push(rule);
      return { ...f, logic };
    }, `rule-${rule.id}`);
    setEditing(null);
  };
  return (
    <div className="dz-props">
      <TextProp
        label={t('form.name')}
        value={editableText(form.name, language)}
        onChange={(text) => onChange((f) => ({ ...f, name: setLocalized(f.name, language, text) }), 'form-name')}
      />
      <TextProp
        label={t('form.description')}
        multiline
        value={editableText(form.description, language)}
        onChange={(text) =>
          onChange((f) => {
            const next = { ...f };
            if (text === '') delete next.description;
            else next.description = setLocalized(f.description, language, text);
            return next;
          }, 'form-description')
        }
      />
      <section className="dz-rules" aria-labelledby="dz-rules-title">
        <div className="dz-rules__head">
          <h3 id="dz-rules-title">{t('rules.title')}</h3>
          <Button small variant="primary" onClick={() => setEditing('new')}>
            + {t('rules.add')}
          </Button>
        </div>
        {rules.length === 0 ? <p className="dz-muted">{t('rules.none')}</p> : null}
        <ul className="dz-rules__list">
          {rules.map((rule, i) => {
            const text =
              rule.kind === 'validate'
                ? { when: t('rules.custom'), then: t('rules.kind.validate') }
                : describeRule(rule, fields, t as never);
            const ruleProblems = problems.filter((p) => p.ruleIndex === i);
            return (
              <li
                key={rule.id}
                className={'dz-rulecard' + (ruleProblems.length ? ' is-invalid' : '')}
                data-testid="logic-rule"
              >
                <div>
                  <div className="dz-rulecard__when">
                    {t('rules.when')} {text.when}
                  </div>
                  <div className="dz-rulecard__then">→ {text.then}</div>
                  {ruleProblems.map((p, j) => (
                    <div key={j} className="ff-error-text">
                      {p.message}
                    </div>
                  ))}
                </div>
                <div className="dz-rulecard__actions">
                  {rule.kind !== 'validate' ? (
                    <Button
                      small
                      variant="ghost"
                      onClick={() => setEditing(rule)}
                      aria-label={t('rules.editN', { n: i + 1 })}
                    >
                      ✎
                    </Button>
                  ) : null}
                  <Button
                    small
                    variant="ghost"
                    aria-label={t('rules.deleteN', { n: i + 1 })}
                    onClick={() =>
                      onChange(
                        (f) => ({ ...f, logic: (f.logic ?? []).filter((r) => r.id !== rule.id) }),
                        `rule-del-${rule.id}`,
                      )
                    }
                  >
                    ✕
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      {editing ? (
        <RuleDialog
          form={form}
          rule={editing === 'new' ? undefined : editing}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
});
