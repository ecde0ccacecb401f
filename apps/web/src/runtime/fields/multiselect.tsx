import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../ui/localized.js';
import { OptionLabel, OptionTags, optionsOf } from './options.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function MultiselectEdit({
  field,
  value,
  onChange,
  onBlur,
  readOnly,
  required,
  invalid,
  id,
  labelId,
  describedBy,
  inputRef,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const options = optionsOf(field);
  const chosen = Array.isArray(value) ? (value as unknown[]) : [];
  const toggle = (optionId: string, on: boolean) => {
    const next = on ? [...chosen.filter((v) => v !== optionId), optionId] : chosen.filter((v) => v !== optionId);
    // Options keep the designer's order.
    onChange(options.map((o) => o.id).filter((o) => next.includes(o)));
  };
  const boxes = (
    <div
      id={id}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      className="ff-rt-choices"
    >
      {options.map((option, i) => (
        <label key={option.id} className={'ff-rt-choice' + (chosen.includes(option.id) ? ' ff-rt-choice--on' : '')}>
          <input
            ref={i === 0 ? (inputRef as Ref<HTMLInputElement>) : undefined}
            type="checkbox"
            value={option.id}
            checked={chosen.includes(option.id)}
            disabled={readOnly}
            onChange={(event) => toggle(option.id, event.target.checked)}
            onBlur={onBlur}
          />
          <OptionLabel option={option} />
        </label>
      ))}
    </div>
  );
  if (field.settings?.display !== 'dropdown') return boxes;
  const summary = options
    .filter((o) => chosen.includes(o.id))
    .map((o) => localized(o.label))
    .join(', ');
  return (
    <details className="ff-rt-dropdown">
      <summary className="ff-select">{summary || t('choose')}</summary>
      {boxes}
    </details>
  );
}

/** 多选: checkboxes (or a dropdown of checkboxes); the value keeps the options' order. */
export const multiselectRenderer: FieldRenderer = {
  label: 'group',
  Edit: MultiselectEdit,
  View: (props) => (
    <OptionTags
      ids={Array.isArray(props.value) ? props.value : []}
      field={props.field}
      id={props.id}
      labelId={props.labelId}
    />
  ),
};
