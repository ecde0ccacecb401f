import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { fieldKind } from '@formflow/engine';
import type { FieldDef, FilterOperator, JsonValue, SelectOption } from '@formflow/schema';
import { useDepartments, useMembers } from '../../queries/use-directory.js';
import { Button } from '../../ui/Button.js';
import { localized } from '../../ui/localized.js';
import {
  changeOperator,
  defaultOperator,
  newConditionKey,
  operandFromInput,
  operatorsFor,
  valueShape,
  type ConditionDraft,
  type FilterDraft,
} from '../filter-state.js';

type Choice = { id: string; label: string };

/** The choices of a field whose operands are ids (select options, members, departments), or null. */
function useChoices(field: FieldDef | undefined): Choice[] | null {
  const members = useMembers();
  const departments = useDepartments();
  if (!field) return null;
  if (field.type === 'select' || field.type === 'multiselect') {
    return ((field.settings?.['options'] ?? []) as SelectOption[]).map((o) => ({
      id: o.id,
      label: localized(o.label),
    }));
  }
  if (field.type === 'member' || field.type === 'createdBy') {
    return (members.data?.members ?? []).map((m) => ({ id: m.id, label: m.name }));
  }
  if (field.type === 'department') {
    return (departments.data?.departments ?? []).map((d) => ({ id: d.id, label: d.name }));
  }
  return null;
}

function inputType(field: FieldDef): 'number' | 'date' | 'text' {
  const kind = fieldKind(field);
  if (kind === 'number') return 'number';
  if (kind === 'date' || kind === 'datetime') return 'date';
  return 'text';
}

function ValueEditor({
  field,
  condition,
  onChange,
}: {
  field: FieldDef;
  condition: ConditionDraft;
  onChange: (value: JsonValue | undefined) => void;
}) {
  const { t } = useTranslation('views');
  const choices = useChoices(field);
  const shape = valueShape(condition.op, field);
  const label = t('filterValue');
  const value = condition.value;
  if (shape === 'none') return null;
  if (shape === 'days') {
    return (
      <input
        className="ff-input ffv-filter__value"
        type="number"
        min={1}
        max={3650}
        aria-label={t('filterDays')}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)))}
      />
    );
  }
  if (fieldKind(field) === 'boolean') {
    return (
      <select
        className="ff-select ffv-filter__value"
        aria-label={label}
        value={value === true ? 'true' : value === false ? 'false' : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
      >
        <option value="">{t('choose')}</option>
        <option value="true">{t('yes')}</option>
        <option value="false">{t('no')}</option>
      </select>
    );
  }
  if (choices) {
    if (shape === 'list') {
      const selected = new Set(Array.isArray(value) ? value.map(String) : []);
      return (
        <fieldset className="ffv-filter__choices" aria-label={label}>
          {choices.map((c) => (
            <label key={c.id} className="ffv-filter__choice">
              <input
                type="checkbox"
                checked={selected.has(c.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(c.id);
                  else next.delete(c.id);
                  onChange(next.size ? choices.filter((x) => next.has(x.id)).map((x) => x.id) : undefined);
                }}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <select
        className="ff-select ffv-filter__value"
        aria-label={label}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">{t('choose')}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  const type = inputType(field);
  if (shape === 'range') {
    const pair = Array.isArray(value) ? value : [];
    const set = (i: 0 | 1, text: string) => {
      const next = [pair[0] ?? null, pair[1] ?? null];
      next[i] = operandFromInput(field, text) ?? null;
      onChange(next.every((v) => v === null) ? undefined : next);
    };
    return (
      <span className="ffv-filter__range">
        <input
          className="ff-input"
          type={type}
          aria-label={t('rangeFrom')}
          value={pair[0] === null || pair[0] === undefined ? '' : String(pair[0])}
          onChange={(e) => set(0, e.target.value)}
        />
        <span aria-hidden="true">–</span>
        <input
          className="ff-input"
          type={type}
          aria-label={t('rangeTo')}
          value={pair[1] === null || pair[1] === undefined ? '' : String(pair[1])}
          onChange={(e) => set(1, e.target.value)}
        />
      </span>
    );
  }
  if (shape === 'list') {
    // Free values (text, numbers): comma separated.
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
    return (
      <input
        className="ff-input ffv-filter__value"
        aria-label={t('filterValues')}
        placeholder={t('commaSeparated')}
        defaultValue={text}
        onChange={(e) => {
          const items = e.target.value
            .split(/[,，]/)
            .map((s) => operandFromInput(field, s.trim()))
            .filter((v): v is JsonValue => v !== undefined);
          onChange(items.length ? items : undefined);
        }}
      />
    );
  }
  return (
    <input
      className="ff-input ffv-filter__value"
      type={type}
      aria-label={label}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => onChange(operandFromInput(field, e.target.value))}
    />
  );
}

/**
 * The filter builder: conditions on fields, each with the operators the engine allows for that field type and a value
 * editor for its kind (text, number, date, option pickers, members with "is me"), joined by all / any.
 */
export function FilterBuilder({
  fields,
  draft,
  onChange,
  custom,
  onClearCustom,
}: {
  fields: FieldDef[];
  draft: FilterDraft;
  onChange: (draft: FilterDraft) => void;
  /** The view's filter is more complex than the builder edits (kept as is, ANDed). */
  custom: boolean;
  onClearCustom: () => void;
}) {
  const { t } = useTranslation('views');
  const byId = new Map(fields.map((f) => [f.id, f]));
  const update = (key: string, next: ConditionDraft) =>
    onChange({ ...draft, conditions: draft.conditions.map((c) => (c.key === key ? next : c)) });

  const add = () => {
    const field = fields[0];
    if (!field) return;
    onChange({
      ...draft,
      conditions: [...draft.conditions, { key: newConditionKey(), field: field.id, op: defaultOperator(field) }],
    });
  };

  return (
    <div className="ffv-filter">
      {custom ? (
        <div className="ff-banner ff-banner--info ffv-filter__custom">
          <span>{t('customFilter')}</span>
          <Button small onClick={onClearCustom}>
            {t('clearCustomFilter')}
          </Button>
        </div>
      ) : null}
      {draft.conditions.length > 1 ? (
        <label className="ffv-filter__conj">
          <span>{t('matchPrefix')}</span>
          <select
            className="ff-select"
            value={draft.conjunction}
            onChange={(e) => onChange({ ...draft, conjunction: e.target.value === 'or' ? 'or' : 'and' })}
            aria-label={t('matchLabel')}
          >
            <option value="and">{t('matchAll')}</option>
            <option value="or">{t('matchAny')}</option>
          </select>
        </label>
      ) : null}
      {draft.conditions.length === 0 ? <p className="ff-muted ffv-filter__none">{t('noConditions')}</p> : null}
      <ol className="ffv-filter__list">
        {draft.conditions.map((c, i) => {
          const field = byId.get(c.field);
          return (
            <li key={c.key} className="ffv-filter__row" data-testid="filter-condition">
              <select
                className="ff-select"
                aria-label={t('filterField', { n: i + 1 })}
                value={c.field}
                onChange={(e) => {
                  const next = byId.get(e.target.value);
                  if (next) update(c.key, { key: c.key, field: next.id, op: defaultOperator(next) });
                }}
              >
                {field ? null : <option value={c.field}>{c.field}</option>}
                {fields.map((f) => (
                  <option key={f.id} value={f.id}>
                    {localized(f.label)}
                  </option>
                ))}
              </select>
              <select
                className="ff-select"
                aria-label={t('filterOperator', { n: i + 1 })}
                value={c.op}
                onChange={(e) => field && update(c.key, changeOperator(c, e.target.value as FilterOperator, field))}
              >
                {(field ? operatorsFor(field) : [c.op]).map((op) => (
                  <option key={op} value={op}>
                    {t(`op.${op}`)}
                  </option>
                ))}
              </select>
              {field ? (
                <ValueEditor
                  key={`${c.field}:${c.op}`}
                  field={field}
                  condition={c}
                  onChange={(value) => {
                    const next: ConditionDraft = { key: c.key, field: c.field, op: c.op };
                    if (value !== undefined) next.value = value;
                    update(c.key, next);
                  }}
                />
              ) : null}
              <Button
                small
                variant="ghost"
                aria-label={t('removeCondition', { n: i + 1 })}
                onClick={() => onChange({ ...draft, conditions: draft.conditions.filter((x) => x.key !== c.key) })}
              >
                <X size={14} aria-hidden />
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="ffv-filter__foot">
        <Button small onClick={add} disabled={fields.length === 0}>
          + {t('addCondition')}
        </Button>
        {draft.conditions.length > 0 ? (
          <Button small variant="ghost" onClick={() => onChange({ ...draft, conditions: [] })}>
            {t('clearConditions')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
