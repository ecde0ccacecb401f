import { useTranslation } from 'react-i18next';
import type { FieldDef, JsonValue, SelectOption } from '@formflow/schema';
import { FORMULA_RESULT_TYPES } from '@formflow/schema';
import { currentLanguage } from '../../i18n/current-language.js';
import { editableText, setLocalized } from '../localized-edit.js';
import { Advanced, CheckProp, JsonProp, NumberProp, SelectProp, TextProp } from './inputs.js';
import { OptionsEditor } from './OptionsEditor.js';
import { RelationSettings } from './RelationSettings.js';

type Update = (update: (field: FieldDef) => FieldDef, key: string) => void;

export type TypeSettingsProps = {
  field: FieldDef;
  onUpdate: Update;
  /** Messages of problems under `settings.formula` (formula fields). */
  formulaProblems: string[];
  /** The form designed (relations, lookups, rollups choose among its fields). */
  formFields: FieldDef[];
  /** Forms of the app a relation may point at. */
  appForms: { id: string; name: string; self?: boolean }[];
  parent?: FieldDef;
};

/** Settings of a field's type, only those its settings schema allows. */
export function TypeSettings({ field, onUpdate, formulaProblems, formFields, appForms, parent }: TypeSettingsProps) {
  const { t } = useTranslation('designer');
  const language = currentLanguage();
  const s = (field.settings ?? {}) as { [key: string]: JsonValue };
  const setSetting = (key: string, value: JsonValue | undefined) =>
    onUpdate((f) => {
      const settings = { ...(f.settings ?? {}) };
      if (value === undefined) delete settings[key];
      else settings[key] = value;
      const next: FieldDef = { ...f, settings };
      if (Object.keys(settings).length === 0) delete next.settings;
      return next;
    }, `setting-${key}`);
  const num = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
  const bool = (key: string) => s[key] === true;
  const text = (key: string) => editableText(s[key] as string | undefined, language);
  const localizedSetter = (key: string) => (value: string) =>
    setSetting(key, value === '' ? undefined : setLocalized(s[key] as string | undefined, language, value));
  const placeholder = (
    <TextProp label={t('props.placeholder')} value={text('placeholder')} onChange={localizedSetter('placeholder')} />
  );
  const minMax = (integer = false) => (
    <div className="dz-pair">
      <NumberProp
        label={t('props.min')}
        value={num('min')}
        step={integer ? 1 : undefined}
        onChange={(v) => setSetting('min', v)}
      />
      <NumberProp
        label={t('props.max')}
        value={num('max')}
        step={integer ? 1 : undefined}
        onChange={(v) => setSetting('max', v)}
      />
    </div>
  );
  const decimals = (
    <NumberProp
      label={t('props.decimals')}
      value={num('decimals')}
      min={0}
      max={10}
      step={1}
      onChange={(v) => setSetting('decimals', v)}
    />
  );
  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <>
          {placeholder}
          {field.type === 'textarea' ? (
            <NumberProp
              label={t('props.rows')}
              value={num('rows')}
              min={1}
              max={50}
              step={1}
              onChange={(v) => setSetting('rows', v)}
            />
          ) : null}
          <Advanced
            summary={t('props.advancedChecks')}
            active={s['minLength'] !== undefined || s['maxLength'] !== undefined || s['pattern'] !== undefined}
          >
            <div className="dz-pair">
              <NumberProp
                label={t('props.minLength')}
                value={num('minLength')}
                min={0}
                step={1}
                onChange={(v) => setSetting('minLength', v)}
              />
              <NumberProp
                label={t('props.maxLength')}
                value={num('maxLength')}
                min={1}
                step={1}
                onChange={(v) => setSetting('maxLength', v)}
              />
            </div>
            <TextProp
              label={t('props.pattern')}
              hint={t('props.patternHint')}
              value={typeof s['pattern'] === 'string' ? s['pattern'] : ''}
              onChange={(v) => setSetting('pattern', v === '' ? undefined : v)}
            />
            {typeof s['pattern'] === 'string' ? (
              <TextProp
                label={t('props.patternMessage')}
                value={text('patternMessage')}
                onChange={localizedSetter('patternMessage')}
              />
            ) : null}
          </Advanced>
        </>
      );
    case 'number':
      return (
        <>
          {placeholder}
          {decimals}
          <CheckProp
            label={t('props.thousands')}
            checked={bool('thousands')}
            onChange={(v) => setSetting('thousands', v || undefined)}
          />
          <TextProp label={t('props.unit')} value={text('unit')} onChange={localizedSetter('unit')} />
          {minMax()}
        </>
      );
    case 'money':
      return (
        <>
          {placeholder}
          <SelectProp
            label={t('props.currency')}
            value={(s['currency'] as string) ?? 'CNY'}
            options={['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'].map((c) => ({ value: c, label: c }))}
            onChange={(v) => setSetting('currency', v || undefined)}
          />
          {decimals}
          {minMax()}
        </>
      );
    case 'percent':
      return (
        <>
          {placeholder}
          {decimals}
          {minMax()}
          <div className="dz-prop__hint">{t('props.percentHint')}</div>
        </>
      );
    case 'rating':
      return (
        <NumberProp
          label={t('props.ratingMax')}
          value={num('max')}
          min={1}
          max={10}
          step={1}
          onChange={(v) => setSetting('max', v)}
        />
      );
    case 'date':
      return (
        <div className="dz-pair">
          <TextProp
            label={t('props.min')}
            placeholder="YYYY-MM-DD"
            value={(s['min'] as string) ?? ''}
            onChange={(v) => setSetting('min', v || undefined)}
          />
          <TextProp
            label={t('props.max')}
            placeholder="YYYY-MM-DD"
            value={(s['max'] as string) ?? ''}
            onChange={(v) => setSetting('max', v || undefined)}
          />
        </div>
      );
    case 'datetime':
      return (
        <SelectProp
          label={t('props.precision')}
          value={(s['precision'] as 'minute' | 'second') ?? ''}
          options={[
            { value: '', label: t('props.precisionMinute') },
            { value: 'second', label: t('props.precisionSecond') },
          ]}
          onChange={(v) => setSetting('precision', v || undefined)}
        />
      );
    case 'select':
    case 'multiselect':
      return (
        <>
          <OptionsEditor
            options={(Array.isArray(s['options']) ? s['options'] : []) as unknown as SelectOption[]}
            onChange={(options, key) =>
              onUpdate((f) => ({ ...f, settings: { ...f.settings, options: options as unknown as JsonValue } }), key)
            }
          />
          <SelectProp
            label={t('props.display')}
            value={(s['display'] as string) ?? ''}
            options={[
              { value: '', label: t('props.displayDefault') },
              { value: field.type === 'select' ? 'radio' : 'checkbox', label: t('props.displayInline') },
              { value: 'dropdown', label: t('props.displayDropdown') },
            ]}
            onChange={(v) => setSetting('display', v || undefined)}
          />
          {field.type === 'multiselect' ? (
            <div className="dz-pair">
              <NumberProp
                label={t('props.minItems')}
                value={num('minItems')}
                min={0}
                step={1}
                onChange={(v) => setSetting('minItems', v)}
              />
              <NumberProp
                label={t('props.maxItems')}
                value={num('maxItems')}
                min={1}
                step={1}
                onChange={(v) => setSetting('maxItems', v)}
              />
            </div>
          ) : null}
        </>
      );
    case 'boolean':
      return (
        <div className="dz-pair">
          <TextProp label={t('props.trueLabel')} value={text('trueLabel')} onChange={localizedSetter('trueLabel')} />
          <TextProp label={t('props.falseLabel')} value={text('falseLabel')} onChange={localizedSetter('falseLabel')} />
        </div>
      );
    case 'member':
    case 'department':
      return (
        <>
          <CheckProp
            label={t('props.multiple')}
            checked={bool('multiple')}
            onChange={(v) => setSetting('multiple', v || undefined)}
          />
          <CheckProp
            label={t(field.type === 'member' ? 'props.defaultCurrentMember' : 'props.defaultCurrentDepartment')}
            checked={bool(field.type === 'member' ? 'defaultCurrentMember' : 'defaultCurrentDepartment')}
            onChange={(v) =>
              setSetting(field.type === 'member' ? 'defaultCurrentMember' : 'defaultCurrentDepartment', v || undefined)
            }
          />
        </>
      );
    case 'phone':
      return (
        <>
          {placeholder}
          <SelectProp
            label={t('props.phoneKind')}
            value={(s['kind'] as string) ?? ''}
            options={[
              { value: '', label: t('props.phoneAny') },
              { value: 'mobile', label: t('props.phoneMobile') },
              { value: 'landline', label: t('props.phoneLandline') },
            ]}
            onChange={(v) => setSetting('kind', v || undefined)}
          />
        </>
      );
    case 'email':
    case 'url':
      return placeholder;
    case 'address':
      return (
        <SelectProp
          label={t('props.addressLevel')}
          value={(s['level'] as string) ?? ''}
          options={[
            { value: '', label: t('props.levelDetail') },
            { value: 'district', label: t('props.levelDistrict') },
            { value: 'city', label: t('props.levelCity') },
            { value: 'province', label: t('props.levelProvince') },
          ]}
          onChange={(v) => setSetting('level', v || undefined)}
        />
      );
    case 'location':
      return (
        <>
          <NumberProp
            label={t('props.radius')}
            value={num('radiusMeters')}
            min={1}
            step={1}
            onChange={(v) => setSetting('radiusMeters', v)}
          />
          <CheckProp
            label={t('props.allowManual')}
            checked={bool('allowManual')}
            onChange={(v) => setSetting('allowManual', v || undefined)}
          />
        </>
      );
    case 'image':
    case 'attachment':
      return (
        <>
          <div className="dz-pair">
            <NumberProp
              label={t('props.maxFiles')}
              value={num('maxFiles')}
              min={1}
              max={100}
              step={1}
              onChange={(v) => setSetting('maxFiles', v)}
            />
            <NumberProp
              label={t('props.maxSizeMb')}
              value={num('maxSizeMb')}
              min={1}
              max={2048}
              onChange={(v) => setSetting('maxSizeMb', v)}
            />
          </div>
          {field.type === 'image' ? (
            <>
              <CheckProp
                label={t('props.compress')}
                checked={bool('compress')}
                onChange={(v) => setSetting('compress', v || undefined)}
              />
              <CheckProp
                label={t('props.cameraOnly')}
                checked={bool('cameraOnly')}
                onChange={(v) => setSetting('cameraOnly', v || undefined)}
              />
            </>
          ) : null}
        </>
      );
    case 'serial':
      return (
        <>
          <TextProp
            label={t('props.prefix')}
            value={(s['prefix'] as string) ?? ''}
            onChange={(v) => setSetting('prefix', v)}
          />
          <SelectProp
            label={t('props.dateFormat')}
            value={(s['dateFormat'] as string) ?? ''}
            options={[
              { value: '', label: t('props.none') },
              ...['YYYYMMDD', 'YYYYMM', 'YYYY'].map((v) => ({ value: v, label: v })),
            ]}
            onChange={(v) => setSetting('dateFormat', v || undefined)}
          />
          <NumberProp
            label={t('props.digits')}
            value={num('digits')}
            min={1}
            max={12}
            step={1}
            onChange={(v) => setSetting('digits', v)}
          />
          <SelectProp
            label={t('props.resetEvery')}
            value={(s['resetEvery'] as string) ?? ''}
            options={[
              { value: '', label: t('props.resetNever') },
              { value: 'day', label: t('props.resetDay') },
              { value: 'month', label: t('props.resetMonth') },
              { value: 'year', label: t('props.resetYear') },
            ]}
            onChange={(v) => setSetting('resetEvery', v || undefined)}
          />
        </>
      );
    case 'subtable':
      return (
        <div className="dz-pair">
          <NumberProp
            label={t('props.minRows')}
            value={num('minRows')}
            min={0}
            step={1}
            onChange={(v) => setSetting('minRows', v)}
          />
          <NumberProp
            label={t('props.maxRows')}
            value={num('maxRows')}
            min={1}
            step={1}
            onChange={(v) => setSetting('maxRows', v)}
          />
        </div>
      );
    case 'relation':
    case 'lookup':
    case 'rollup':
      return (
        <RelationSettings
          field={field}
          setSetting={setSetting}
          formFields={formFields}
          appForms={appForms}
          parent={parent}
        />
      );
    case 'formula':
      return (
        <>
          <JsonProp
            label={t('props.formula')}
            hint={t('props.formulaHint')}
            value={s['formula']}
            problems={formulaProblems}
            onChange={(v) => setSetting('formula', v)}
          />
          <SelectProp
            label={t('props.resultType')}
            value={(s['resultType'] as string) ?? 'number'}
            options={FORMULA_RESULT_TYPES.map((r) => ({ value: r, label: t(`props.result.${r}`) }))}
            onChange={(v) => setSetting('resultType', v || 'number')}
          />
          {s['resultType'] === 'number' ? decimals : null}
        </>
      );
    case 'section':
      return (
        <CheckProp
          label={t('props.collapsible')}
          checked={bool('collapsible')}
          onChange={(v) => setSetting('collapsible', v || undefined)}
        />
      );
    case 'description':
      return (
        <TextProp
          label={t('props.content')}
          multiline
          value={text('content')}
          onChange={(v) => setSetting('content', setLocalized(s['content'] as string | undefined, language, v))}
        />
      );
    case 'createdAt':
      return (
        <SelectProp
          label={t('props.precision')}
          value={(s['precision'] as string) ?? ''}
          options={[
            { value: '', label: t('props.precisionMinute') },
            { value: 'date', label: t('props.precisionDate') },
            { value: 'second', label: t('props.precisionSecond') },
          ]}
          onChange={(v) => setSetting('precision', v || undefined)}
        />
      );
    default:
      return null;
  }
}
