import { useTranslation } from 'react-i18next';
import type { FieldDef, JsonValue, SelectOption } from '@formflow/schema';
import { DEFAULT_VALUE_TYPES } from '../field-meta.js';
import { localized } from '../../ui/localized.js';
import { Advanced, CheckProp, JsonProp, Prop } from './inputs.js';

type Update = (update: (field: FieldDef) => FieldDef, key: string) => void;

function without<K extends keyof FieldDef>(field: FieldDef, key: K): FieldDef {
  const next = { ...field };
  delete next[key];
  return next;
}

/** A first default value of the type's shape. */
function initialDefault(field: FieldDef): JsonValue {
  const options = field.settings?.['options'];
  if (field.type === 'select') return Array.isArray(options) ? ((options[0] as { id?: string })?.id ?? '') : '';
  if (field.type === 'multiselect') {
    const first = Array.isArray(options) ? (options[0] as { id?: string } | undefined)?.id : undefined;
    return first ? [first] : [];
  }
  if (field.type === 'boolean') return false;
  if (['number', 'money', 'percent', 'rating'].includes(field.type)) return field.type === 'rating' ? 1 : 0;
  return '';
}

/** The static value input for a type (stored shapes: numbers, option ids, booleans, `YYYY-MM-DD`). */
function ValueInput({ field, onUpdate }: { field: FieldDef; onUpdate: Update }) {
  const { t } = useTranslation('designer');
  const value = field.defaultValue;
  const set = (next: JsonValue | undefined) =>
    onUpdate((f) => (next === undefined ? without(f, 'defaultValue') : { ...f, defaultValue: next }), 'default');
  const options = (Array.isArray(field.settings?.['options'])
    ? field.settings['options']
    : []) as unknown as SelectOption[];
  return (
    <Prop label={t('props.defaultValue')}>
      {(id) => {
        switch (field.type) {
          case 'select':
            return (
              <select
                id={id}
                className="ff-select"
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">{t('props.none')}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {localized(o.label)}
                  </option>
                ))}
              </select>
            );
          case 'multiselect': {
            const chosen = Array.isArray(value) ? (value as string[]) : [];
            return (
              <div id={id} className="dz-checks">
                {options.map((o) => (
                  <label key={o.id}>
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.id)}
                      onChange={(e) => {
                        const next = e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id);
                        set(next.length ? next : undefined);
                      }}
                    />
                    {localized(o.label)}
                  </label>
                ))}
              </div>
            );
          }
          case 'boolean':
            return (
              <select
                id={id}
                className="ff-select"
                value={value === true ? 'true' : value === false ? 'false' : ''}
                onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === 'true')}
              >
                <option value="">{t('props.none')}</option>
                <option value="true">{t('mock.yes')}</option>
                <option value="false">{t('mock.no')}</option>
              </select>
            );
          case 'number':
          case 'money':
          case 'percent':
          case 'rating':
            return (
              <input
                id={id}
                className="ff-input"
                type="number"
                step="any"
                value={typeof value === 'number' ? value : ''}
                onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
              />
            );
          case 'date':
            return (
              <input
                id={id}
                className="ff-input"
                type="date"
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(e.target.value || undefined)}
              />
            );
          default:
            return (
              <input
                id={id}
                className="ff-input"
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(e.target.value)}
              />
            );
        }
      }}
    </Prop>
  );
}

/** Default: none, a static value, or a formula (JsonLogic) computed on create. */
export function DefaultValue({
  field,
  onUpdate,
  formulaProblems,
}: {
  field: FieldDef;
  onUpdate: Update;
  formulaProblems: string[];
}) {
  const { t } = useTranslation('designer');
  const mode = field.defaultFormula !== undefined ? 'formula' : field.defaultValue !== undefined ? 'value' : 'none';
  const canValue = DEFAULT_VALUE_TYPES.includes(field.type);
  const choose = (next: string) =>
    onUpdate((f) => {
      const base = without(without(f, 'defaultValue'), 'defaultFormula');
      if (next === 'formula') return { ...base, defaultFormula: null };
      if (next === 'value') return { ...base, defaultValue: initialDefault(f) };
      return base;
    }, 'default-mode');
  // A static value is the everyday choice; a formula (JsonLogic) is folded under "advanced".
  return (
    <div className="dz-prop">
      {canValue && mode !== 'formula' ? (
        <>
          <div className="dz-prop__label" id={`dz-default-${field.id}`}>
            {t('props.default')}
          </div>
          <div className="dz-segmented" role="radiogroup" aria-labelledby={`dz-default-${field.id}`}>
            {(['none', 'value'] as const).map((m) => (
              <label key={m} className={mode === m ? 'is-on' : ''}>
                <input type="radio" name={`default-${field.id}`} checked={mode === m} onChange={() => choose(m)} />
                {t(`props.defaultMode.${m}`)}
              </label>
            ))}
          </div>
        </>
      ) : null}
      {mode === 'value' ? <ValueInput field={field} onUpdate={onUpdate} /> : null}
      <Advanced summary={t('props.advancedDefault')} active={mode === 'formula'}>
        <CheckProp
          label={t('props.useFormula')}
          checked={mode === 'formula'}
          onChange={(on) => choose(on ? 'formula' : 'none')}
        />
        {mode === 'formula' ? (
          <JsonProp
            label={t('props.defaultFormula')}
            hint={t('props.formulaHint')}
            value={field.defaultFormula ?? null}
            problems={formulaProblems}
            onChange={(rule) => onUpdate((f) => ({ ...f, defaultFormula: rule }), 'default-formula')}
          />
        ) : null}
      </Advanced>
    </div>
  );
}
