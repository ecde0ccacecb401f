import type { FieldDef } from '@formflow/schema';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../ui/localized.js';
import { TextView } from './fields/text-view.js';
import type { FieldRenderer, RendererContext } from './fields/types.js';

export type FieldShellProps = {
  field: FieldDef;
  renderer: FieldRenderer;
  /** The main control's id; label, help and error ids derive from it. */
  id: string;
  path: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  readOnly: boolean;
  required: boolean;
  error?: string;
  ctx: RendererContext;
  inputRef?: Ref<HTMLElement | null>;
};

/**
 * One field on the form: its label (with the live required marker), the renderer of its type (or its read-only view),
 * its description and the error beside it. Labels and descriptions are text, never markup.
 */
export function FieldShell(props: FieldShellProps) {
  const { field, renderer, id, error, readOnly, required, ctx } = props;
  const { t } = useTranslation('runtime');
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const description = localized(field.description);
  const common = {
    field,
    value: props.value,
    onChange: props.onChange,
    onBlur: props.onBlur,
    readOnly,
    required,
    invalid: Boolean(error),
    id,
    labelId,
    describedBy: [error ? errorId : null, description ? helpId : null].filter(Boolean).join(' ') || undefined,
    path: props.path,
    inputRef: props.inputRef,
    ctx,
  };
  if (renderer.label === 'layout') return <renderer.Edit {...common} />;
  // Display types (formula, serial…) are read-only by nature: their `Edit` is their view.
  const Control = readOnly && renderer.label !== 'display' ? (renderer.View ?? TextView) : renderer.Edit;
  const labelText = localized(field.label) || field.id;
  const marker =
    required && !readOnly ? (
      <span className="ff-rt-required" aria-hidden="true" title={t('required')}>
        *
      </span>
    ) : null;
  return (
    <div className={'ff-rt-field' + (error ? ' ff-rt-field--invalid' : '')} data-field={field.id}>
      <div className="ff-rt-label-line">
        {renderer.label === 'input' && !readOnly ? (
          <label className="ff-rt-label" htmlFor={id} id={labelId}>
            {labelText}
          </label>
        ) : (
          <span className="ff-rt-label" id={labelId}>
            {labelText}
          </span>
        )}
        {marker}
      </div>
      <Control {...common} />
      {description ? (
        <p className="ff-rt-help" id={helpId}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p className="ff-error-text ff-rt-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
