import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldType } from '@formflow/schema';
import { FIELD_TYPES } from '@formflow/schema';
import { currentLanguage } from '../i18n/current-language.js';
import { COMPUTED_TYPES, CONVERTIBLE_TYPES, LAYOUT_TYPES, UNIQUE_TYPES } from './field-meta.js';
import { FieldIcon } from './FieldIcon.js';
import { canBeColumn } from './canvas-rows.js';
import { editableText, setLocalized } from './localized-edit.js';
import type { DesignerProblem } from './check-form.js';
import { CheckProp, SelectProp, TextProp } from './props/inputs.js';
import { DefaultValue } from './props/DefaultValue.js';
import { TypeSettings } from './props/TypeSettings.js';

export type FieldUpdate = (fieldId: string, update: (field: FieldDef) => FieldDef, key: string) => void;

function flag(field: FieldDef, key: 'required' | 'hidden' | 'readonly' | 'unique', on: boolean): FieldDef {
  const next = { ...field };
  if (on) next[key] = true;
  else delete next[key];
  return next;
}

/** The selected field's properties, per type. Edits apply at once (and autosave); each keystroke re-renders only this panel and the one canvas card. */
export const PropertyPanel = memo(function PropertyPanel({
  field,
  parent,
  stored,
  problems,
  formFields,
  appForms,
  onUpdate,
  onChangeType,
}: {
  field: FieldDef;
  parent?: FieldDef;
  /** Whether the server's draft holds this top-level field (its type then changes through the conversion route). */
  stored: boolean;
  problems: DesignerProblem[];
  formFields: FieldDef[];
  appForms: { id: string; name: string; self?: boolean }[];
  onUpdate: FieldUpdate;
  onChangeType: (fieldId: string, type: FieldType) => void;
}) {
  const { t } = useTranslation('designer');
  const language = currentLanguage();
  const update = (fn: (f: FieldDef) => FieldDef, key: string) => onUpdate(field.id, fn, key);
  const isLayout = LAYOUT_TYPES.includes(field.type);
  const computed = COMPUTED_TYPES.includes(field.type);
  const typeChoices = (stored ? CONVERTIBLE_TYPES : FIELD_TYPES).filter(
    (type) => (!parent || canBeColumn(type)) && (type !== 'subtable' || !parent),
  );
  const canChangeType = !stored || CONVERTIBLE_TYPES.includes(field.type);
  const messagesAt = (fragment: string) => problems.filter((p) => p.path.includes(fragment)).map((p) => p.message);
  return (
    <div className="dz-props" aria-label={t('props.title')}>
      <div className="dz-props__head">
        <FieldIcon type={field.type} />
        <strong>{t(`types.${field.type}`)}</strong>
        {parent ? (
          <span className="ff-tag dz-tag">{t('props.columnOf', { name: editableText(parent.label, language) })}</span>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <ul className="dz-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      {canChangeType ? (
        <SelectProp
          label={t('props.type')}
          value={field.type}
          options={[...new Set([field.type, ...typeChoices])].map((type) => ({
            value: type,
            label: t(`types.${type}`),
          }))}
          onChange={(type) => type && type !== field.type && onChangeType(field.id, type)}
          hint={stored ? t('props.typeChangeHint') : undefined}
        />
      ) : null}
      <TextProp
        label={t('props.label')}
        value={editableText(field.label, language)}
        onChange={(text) => update((f) => ({ ...f, label: setLocalized(f.label, language, text) }), 'label')}
      />
      {!isLayout ? (
        <TextProp
          label={t('props.description')}
          multiline
          value={editableText(field.description, language)}
          onChange={(text) =>
            update((f) => {
              const next = { ...f };
              if (text === '') delete next.description;
              else next.description = setLocalized(f.description, language, text);
              return next;
            }, 'description')
          }
        />
      ) : null}
      {!isLayout ? (
        <div className="dz-flags">
          {!computed ? (
            <CheckProp
              label={t('props.required')}
              checked={field.required === true}
              onChange={(on) => update((f) => flag(f, 'required', on), 'required')}
            />
          ) : null}
          <CheckProp
            label={t('props.hidden')}
            checked={field.hidden === true}
            onChange={(on) => update((f) => flag(f, 'hidden', on), 'hidden')}
          />
          {!computed ? (
            <CheckProp
              label={t('props.readonly')}
              checked={field.readonly === true}
              onChange={(on) => update((f) => flag(f, 'readonly', on), 'readonly')}
            />
          ) : null}
          {UNIQUE_TYPES.includes(field.type) && !parent ? (
            <CheckProp
              label={t('props.unique')}
              hint={t('props.uniqueHint')}
              checked={field.unique === true}
              onChange={(on) => update((f) => flag(f, 'unique', on), 'unique')}
            />
          ) : null}
        </div>
      ) : (
        <CheckProp
          label={t('props.hidden')}
          checked={field.hidden === true}
          onChange={(on) => update((f) => flag(f, 'hidden', on), 'hidden')}
        />
      )}
      {!isLayout && !computed && field.type !== 'subtable' ? (
        <DefaultValue field={field} onUpdate={update} formulaProblems={messagesAt('defaultFormula')} />
      ) : null}
      <TypeSettings
        field={field}
        parent={parent}
        onUpdate={update}
        formulaProblems={messagesAt('settings.formula')}
        formFields={formFields}
        appForms={appForms}
      />
    </div>
  );
});
