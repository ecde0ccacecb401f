import type { Ref } from 'react';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function DateEdit({
  field,
  value,
  onChange,
  onBlur,
  readOnly,
  required,
  invalid,
  id,
  describedBy,
  inputRef,
}: FieldRendererProps) {
  const settings = field.settings ?? {};
  return (
    <input
      ref={inputRef as Ref<HTMLInputElement>}
      id={id}
      className="ff-input"
      type="date"
      value={typeof value === 'string' ? value : ''}
      min={typeof settings.min === 'string' ? settings.min : undefined}
      max={typeof settings.max === 'string' ? settings.max : undefined}
      readOnly={readOnly}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value || null)}
      onBlur={onBlur}
    />
  );
}

/** 日期: `YYYY-MM-DD`, never shifted by a time zone. */
export const dateRenderer: FieldRenderer = { label: 'input', Edit: DateEdit };
