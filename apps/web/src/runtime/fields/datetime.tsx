import type { Ref } from 'react';
import type { FieldRenderer, FieldRendererProps } from './types.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC instant as the value of a `datetime-local` box (the browser's zone). */
export function instantToLocalInput(value: unknown, seconds: boolean): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${seconds ? ':' + pad(date.getSeconds()) : ''}`;
  return `${day}T${time}`;
}

/** The `datetime-local` text (browser zone) as a UTC instant. */
export function localInputToInstant(text: string): string | null {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function DateTimeEdit({
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
  const seconds = field.settings?.precision === 'second';
  return (
    <input
      ref={inputRef as Ref<HTMLInputElement>}
      id={id}
      className="ff-input"
      type="datetime-local"
      step={seconds ? 1 : 60}
      value={instantToLocalInput(value, seconds)}
      readOnly={readOnly}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(localInputToInstant(event.target.value))}
      onBlur={onBlur}
    />
  );
}

/** 日期时间: typed in the viewer's zone, stored as a UTC instant. */
export const datetimeRenderer: FieldRenderer = { label: 'input', Edit: DateTimeEdit };
