import { shiftDecimal } from '@formflow/engine';
import { useState, type Ref } from 'react';
import { localized } from '../../ui/localized.js';
import type { FieldRendererProps } from './types.js';

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Full-width digits and signs (typed with a Chinese IME) as ASCII; thousands separators dropped. */
function asciiNumber(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[,，\s]/g, '');
}

/**
 * The value for typed text: a number (scaled back by `scale` decimal places: 12.5 in a percent box is 0.125), null
 * when blank, or the text itself when it is not a number — the engine then refuses it with its own message.
 */
export function numberFromText(text: string, scale = 0): number | string | null {
  const clean = asciiNumber(text.trim());
  if (clean === '') return null;
  if (!NUMBER_TEXT.test(clean)) return text;
  const n = Number(clean);
  if (!Number.isFinite(n)) return text;
  return scale ? shiftDecimal(n, -scale) : n;
}

/** The text shown for a value (scaled by `scale` places). */
export function textFromNumber(value: unknown, scale = 0): string {
  if (typeof value === 'number') return String(scale ? shiftDecimal(value, scale) : value);
  return typeof value === 'string' ? value : '';
}

/** A number box (number, money, percent, rating fallback) with an optional prefix (¥) and suffix (%, a unit). */
export function NumberInput({
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
  scale = 0,
  prefix,
  suffix,
  integer = false,
}: FieldRendererProps & { scale?: number; prefix?: string; suffix?: string; integer?: boolean }) {
  // The text stays as typed ("1." or "-" mid-typing); it follows the value only when the value changes from elsewhere.
  const [state, setState] = useState(() => ({ text: textFromNumber(value, scale), value }));
  let text = state.text;
  if (state.value !== value && numberFromText(state.text, scale) !== value) {
    text = textFromNumber(value, scale);
    setState({ text, value });
  }
  const decimals = typeof field.settings?.decimals === 'number' ? field.settings.decimals : undefined;
  return (
    <div className={'ff-rt-affix' + (invalid ? ' ff-rt-affix--invalid' : '')}>
      {prefix ? <span className="ff-rt-affix__part">{prefix}</span> : null}
      <input
        ref={inputRef as Ref<HTMLInputElement>}
        id={id}
        className="ff-input"
        type="text"
        inputMode={integer || decimals === 0 ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        placeholder={localized(field.settings?.placeholder as never) || undefined}
        readOnly={readOnly}
        aria-required={required || undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = numberFromText(event.target.value, scale);
          setState({ text: event.target.value, value: next });
          onChange(next);
        }}
        onBlur={onBlur}
      />
      {suffix ? <span className="ff-rt-affix__part">{suffix}</span> : null}
    </div>
  );
}
