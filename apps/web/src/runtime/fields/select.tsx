import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../ui/localized.js';
import { OptionLabel, OptionTags, optionsOf } from './options.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

/** Radios unless the designer chose a dropdown (or there are many options). */
export function selectDisplay(props: FieldRendererProps): 'radio' | 'dropdown' {
  const display = props.field.settings?.display;
  if (display === 'radio' || display === 'dropdown') return display;
  return optionsOf(props.field).length <= 5 ? 'radio' : 'dropdown';
}

function SelectEdit(props: FieldRendererProps) {
  const { field, value, onChange, onBlur, readOnly, required, invalid, id, labelId, describedBy, inputRef } = props;
  const { t } = useTranslation('runtime');
  const options = optionsOf(field);
  if (selectDisplay(props) === 'dropdown') {
    return (
      <select
        ref={inputRef as Ref<HTMLSelectElement>}
        id={id}
        className="ff-select"
        value={typeof value === 'string' ? value : ''}
        disabled={readOnly}
        aria-required={required || undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value || null)}
        onBlur={onBlur}
      >
        <option value="">{t('choose')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {localized(option.label)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div
      id={id}
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      className="ff-rt-choices"
    >
      {options.map((option, i) => (
        <label key={option.id} className={'ff-rt-choice' + (value === option.id ? ' ff-rt-choice--on' : '')}>
          <input
            ref={i === 0 ? (inputRef as Ref<HTMLInputElement>) : undefined}
            type="radio"
            name={`${id}-radio`}
            value={option.id}
            checked={value === option.id}
            disabled={readOnly}
            onChange={() => onChange(option.id)}
            onClick={() => {
              if (value === option.id && !required) onChange(null);
            }}
            onBlur={onBlur}
          />
          <OptionLabel option={option} />
        </label>
      ))}
    </div>
  );
}

/** 单选: radios or a dropdown, option colours as dots. */
export const selectRenderer: FieldRenderer = {
  label: 'group',
  Edit: SelectEdit,
  View: (props) => (
    <OptionTags
      ids={props.value === null || props.value === undefined ? [] : [props.value]}
      field={props.field}
      id={props.id}
      labelId={props.labelId}
    />
  ),
};
