import type { Ref } from 'react';
import { localized } from '../../ui/localized.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function TextareaEdit({
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
  const rows = typeof field.settings?.rows === 'number' ? field.settings.rows : 4;
  return (
    <textarea
      ref={inputRef as Ref<HTMLTextAreaElement>}
      id={id}
      className="ff-textarea"
      rows={rows}
      value={typeof value === 'string' ? value : ''}
      placeholder={localized(field.settings?.placeholder as never) || undefined}
      readOnly={readOnly}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    />
  );
}

function TextareaView({ value, id, labelId }: FieldRendererProps) {
  return (
    <output id={id} aria-labelledby={labelId} className="ff-rt-value ff-rt-value--multiline">
      {typeof value === 'string' ? value : ''}
    </output>
  );
}

/** 多行文本. */
export const textareaRenderer: FieldRenderer = { label: 'input', Edit: TextareaEdit, View: TextareaView };
