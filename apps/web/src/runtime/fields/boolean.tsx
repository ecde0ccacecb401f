import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../ui/localized.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function BooleanEdit({
  field,
  value,
  onChange,
  onBlur,
  readOnly,
  id,
  describedBy,
  inputRef,
  invalid,
}: FieldRendererProps) {
  const { t } = useTranslation();
  const on = value === true;
  const label =
    localized((on ? field.settings?.trueLabel : field.settings?.falseLabel) as never) || (on ? t('yes') : t('no'));
  const asSwitch = field.settings?.display !== 'checkbox';
  return (
    <span className={'ff-rt-bool' + (asSwitch ? ' ff-rt-bool--switch' : '')}>
      <input
        ref={inputRef as Ref<HTMLInputElement>}
        id={id}
        type="checkbox"
        role={asSwitch ? 'switch' : undefined}
        checked={on}
        disabled={readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={onBlur}
      />
      <span aria-hidden="true">{label}</span>
    </span>
  );
}

/** 是/否: a switch (or a checkbox); custom labels replace Yes/No. */
export const booleanRenderer: FieldRenderer = { label: 'input', Edit: BooleanEdit };
