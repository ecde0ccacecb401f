import { useTranslation } from 'react-i18next';
import type { FieldDef, JsonValue, SelectOption } from '@formflow/schema';
import { localized } from '../../ui/localized.js';
import { operatorsFor, takesValue, type Condition, type ConditionOp } from '../rule-model.js';

function options(field: FieldDef | undefined): SelectOption[] {
  const list = field?.settings?.['options'];
  return (Array.isArray(list) ? list : []) as unknown as SelectOption[];
}

/** The value input of a condition, shaped by the field's type (option ids for selects, numbers, dates, yes/no). */
export function ValueInput({
  field,
  value,
  onChange,
  label,
}: {
  field: FieldDef | undefined;
  value: JsonValue | undefined;
  onChange: (value: JsonValue) => void;
  label: string;
}) {
  const { t } = useTranslation('designer');
  const type = field?.type;
  if (type === 'select' || type === 'multiselect') {
    return (
      <select
        className="ff-select"
        aria-label={label}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="" disabled>
          {t('rules.chooseOption')}
        </option>
        {options(field).map((o) => (
          <option key={o.id} value={o.id}>
            {localized(o.label)}
          </option>
        ))}
      </select>
    );
  }
  if (type === 'boolean') {
    return (
      <select
        className="ff-select"
        aria-label={label}
        value={value === false ? 'false' : 'true'}
        onChange={(e) => onChange(e.target.value === 'true')}
      >
        <option value="true">{t('mock.yes')}</option>
        <option value="false">{t('mock.no')}</option>
      </select>
    );
  }
  if (type === 'number' || type === 'money' || type === 'percent' || type === 'rating') {
    return (
      <input
        className="ff-input"
        aria-label={label}
        type="number"
        step="any"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
    );
  }
  if (type === 'date') {
    return (
      <input
        className="ff-input"
        aria-label={label}
        type="date"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <input
      className="ff-input"
      aria-label={label}
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** One "field operator value" line of the rule builder. */
export function ConditionRow({
  index,
  condition,
  fields,
  onChange,
  onRemove,
}: {
  index: number;
  condition: Condition;
  fields: FieldDef[];
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('designer');
  const field = fields.find((f) => f.id === condition.field);
  const ops = field ? operatorsFor(field.type) : [];
  const n = index + 1;
  return (
    <div className="dz-condition">
      <select
        className="ff-select"
        aria-label={t('rules.conditionField', { n })}
        value={condition.field}
        onChange={(e) => {
          const next = fields.find((f) => f.id === e.target.value);
          const op = next ? operatorsFor(next.type)[0]! : 'eq';
          onChange({ field: e.target.value, op, value: next?.type === 'boolean' ? true : null });
        }}
      >
        <option value="" disabled>
          {t('rules.chooseField')}
        </option>
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            {localized(f.label) || f.id}
          </option>
        ))}
      </select>
      <select
        className="ff-select"
        aria-label={t('rules.conditionOp', { n })}
        value={condition.op}
        onChange={(e) => onChange({ ...condition, op: e.target.value as ConditionOp })}
      >
        {ops.map((op) => (
          <option key={op} value={op}>
            {t(`ops.${op}`)}
          </option>
        ))}
      </select>
      {takesValue(condition.op) ? (
        <ValueInput
          field={field}
          value={condition.value}
          label={t('rules.conditionValue', { n })}
          onChange={(value) => onChange({ ...condition, value })}
        />
      ) : (
        <span />
      )}
      <button
        type="button"
        className="dz-mini dz-mini--danger"
        aria-label={t('rules.removeCondition', { n })}
        onClick={onRemove}
      >
        ✕
      </button>
    </div>
  );
}
