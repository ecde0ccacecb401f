import type { HTMLInputTypeAttribute, Ref } from 'react';
import { localized } from '../../ui/localized.js';
import type { FieldRendererProps } from './types.js';

/** One text box for text-like values (text, phone, email, URL): the value is the text as typed. */
export function TextInput({
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
  type = 'text',
  inputMode,
  autoComplete,
}: FieldRendererProps & {
  type?: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'tel' | 'email' | 'url' | 'numeric' | 'decimal';
  autoComplete?: string;
}) {
  const placeholder = localized(field.settings?.placeholder as never);
  return (
    <input
      ref={inputRef as Ref<HTMLInputElement>}
      id={id}
      className="ff-input"
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete ?? 'off'}
      value={typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)}
      placeholder={placeholder || undefined}
      readOnly={readOnly}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    />
  );
}
