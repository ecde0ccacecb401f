import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '@formflow/schema';

/** One labelled row of the property panel. */
export function Prop({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="dz-prop">
      <label htmlFor={id} className="dz-prop__label">
        {label}
      </label>
      {children(id)}
      {hint ? <div className="dz-prop__hint">{hint}</div> : null}
    </div>
  );
}

export function TextProp({
  label,
  value,
  onChange,
  multiline = false,
  placeholder,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <Prop label={label} hint={hint}>
      {(id) =>
        multiline ? (
          <textarea
            id={id}
            className="ff-textarea"
            rows={3}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            className="ff-input"
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Prop>
  );
}

/** A number setting; empty means "not set" (undefined). Keeps what the user typed while it is not a number yet. */
export function NumberProp({
  label,
  value,
  onChange,
  min,
  max,
  step,
  hint,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((current) =>
      Number(current) === value && current !== '' ? current : value === undefined ? '' : String(value),
    );
  }, [value]);
  return (
    <Prop label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          className="ff-input"
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step ?? 'any'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '') onChange(undefined);
            else if (Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value));
          }}
        />
      )}
    </Prop>
  );
}

export function CheckProp({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="dz-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="dz-prop__hint">{hint}</span> : null}
    </div>
  );
}

export function SelectProp<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  label: string;
  value: T | '';
  options: readonly { value: T | ''; label: string }[];
  onChange: (value: T | '') => void;
  hint?: string;
}) {
  return (
    <Prop label={label} hint={hint}>
      {(id) => (
        <select id={id} className="ff-select" value={value} onChange={(e) => onChange(e.target.value as T | '')}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Prop>
  );
}

/**
 * A JsonLogic editor: JSON text, applied when it parses; `check` returns problems (from the engine) shown below.
 */
export function JsonProp({
  label,
  value,
  onChange,
  problems,
  hint,
}: {
  label: string;
  value: JsonValue | undefined;
  onChange: (value: JsonValue) => void;
  problems?: readonly string[];
  hint?: string;
}) {
  const { t } = useTranslation('designer');
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [parseError, setParseError] = useState(false);
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // the user is typing: keep it
        return current;
      }
      return value === undefined ? '' : JSON.stringify(value);
    });
  }, [value]);
  return (
    <Prop label={label} hint={hint}>
      {(id) => (
        <>
          <textarea
            id={id}
            className="ff-textarea dz-code"
            rows={3}
            spellCheck={false}
            value={text}
            aria-invalid={parseError || (problems?.length ?? 0) > 0}
            onChange={(e) => {
              setText(e.target.value);
              try {
                const parsed = JSON.parse(e.target.value) as JsonValue;
                setParseError(false);
                onChange(parsed);
              } catch {
                setParseError(true);
              }
            }}
          />
          {parseError ? <div className="ff-error-text">{t('props.jsonInvalid')}</div> : null}
          {(problems ?? []).map((p, i) => (
            <div key={i} className="ff-error-text">
              {p}
            </div>
          ))}
        </>
      )}
    </Prop>
  );
}

/** A folded group of settings most people never need (length limits, patterns, formulas); open when one is set. */
export function Advanced({ summary, active, children }: { summary: string; active: boolean; children: ReactNode }) {
  const [open] = useState(active);
  return (
    <details className="dz-advanced" open={open || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
