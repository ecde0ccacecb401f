import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, JsonValue, SelectOption } from '@formflow/schema';
import { ApiError, NetworkError } from '../../api/api-error.js';
import { endpoints } from '../../api/endpoints.js';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { currentLanguage } from '../../i18n/current-language.js';
import { Button } from '../../ui/Button.js';
import { localized } from '../../ui/localized.js';
import { formatValue } from '../../runtime/format-value.js';
import { editorKind, editorText, parseInput, validateCell } from './inline-edit.js';

type Conflict = { current: FormRecord; mine: JsonValue };

function initialInput(field: FieldDef, value: unknown): string {
  const kind = editorKind(field);
  if (kind === 'select') return typeof value === 'string' ? value : '';
  if (kind === 'boolean') return value === true ? 'true' : value === false ? 'false' : '';
  if (kind === 'date') return typeof value === 'string' ? value : '';
  return editorText(field, value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The inline editor of one cell: the typed value is parsed by the field type, checked by the engine's validateRecord
 * on the patched record, then sent with the version read (If-Match). Problems (the engine's, or the server's in the
 * user's language) show beside the cell and the typed value stays; a 412 shows both values and lets the user choose.
 */
export function CellEditor({
  form,
  field,
  record,
  width,
  onDone,
  onSaved,
}: {
  form: LiveForm;
  field: FieldDef;
  record: FormRecord;
  width: number;
  onDone: () => void;
  onSaved: (record: FormRecord) => void;
}) {
  const { t } = useTranslation('views');
  const kind = editorKind(field);
  const [input, setInput] = useState(() => initialInput(field, record.data[field.id]));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const ref = useRef<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    ref.current?.focus();
    if (ref.current && 'select' in ref.current && kind === 'text') ref.current.select();
  }, [kind]);

  const valueOf = (): { ok: true; value: JsonValue } | { ok: false; message: string } => {
    if (kind === 'select' || kind === 'date') return { ok: true, value: input === '' ? null : input };
    if (kind === 'boolean') return { ok: true, value: input === '' ? null : input === 'true' };
    return parseInput(field, input);
  };

  const send = async (value: JsonValue, version: number) => {
    setSaving(true);
    setErrors([]);
    setConflict(null);
    try {
      const saved = await endpoints.records.update(record.id, { [field.id]: value }, version);
      onSaved(saved);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && typeof error.body.current === 'object') {
        const current = error.body.current as Partial<FormRecord>;
        setConflict({ current: { ...record, ...current, data: current.data ?? {} } as FormRecord, mine: value });
      } else if (error instanceof ApiError) {
        const mine = error.errors.filter((e) => ApiError.fieldOf(e) === field.id);
        const shown = (mine.length ? mine : error.errors).map((e) => e.message);
        setErrors(shown.length ? shown : [error.message]);
      } else if (error instanceof NetworkError) {
        setErrors([t('networkError')]);
      } else {
        setErrors([String(error)]);
      }
    } finally {
      setSaving(false);
    }
  };

  const commit = () => {
    if (saving) return;
    const parsed = valueOf();
    if (!parsed.ok) {
      setErrors([t('invalidInput', { message: parsed.message })]);
      return;
    }
    if (same(parsed.value, record.data[field.id])) {
      onDone();
      return;
    }
    const problems = validateCell(form, record.data, field.id, parsed.value, form.access.writable, currentLanguage());
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    void send(parsed.value, record.version);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    } else if (event.key === 'Enter' && !(kind === 'textarea' && event.shiftKey)) {
      event.preventDefault();
      commit();
    }
  };

  const common = {
    ref,
    'aria-label': t('editCell', { field: localized(field.label) }),
    'aria-invalid': errors.length > 0,
    disabled: saving || conflict !== null,
    onKeyDown,
  };
  const options = (field.settings?.['options'] ?? []) as SelectOption[];

  return (
    <div
      className="ffv-editor"
      style={{ minWidth: Math.max(width, 200) }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      {kind === 'select' ? (
        <select className="ff-select" value={input} onChange={(e) => setInput(e.target.value)} {...common}>
          <option value="">{t('noValue')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {localized(o.label)}
            </option>
          ))}
        </select>
      ) : kind === 'boolean' ? (
        <select className="ff-select" value={input} onChange={(e) => setInput(e.target.value)} {...common}>
          <option value="">{t('noValue')}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      ) : kind === 'textarea' ? (
        <textarea
          className="ff-textarea"
          rows={3}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          {...common}
        />
      ) : (
        <input
          className="ff-input"
          type={kind === 'date' ? 'date' : 'text'}
          inputMode={['number', 'money', 'percent', 'rating'].includes(field.type) ? 'decimal' : undefined}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          {...common}
        />
      )}
      {errors.length > 0 ? (
        <div className="ffv-editor__errors" role="alert">
          {errors.map((message, i) => (
            <div key={i}>{message}</div>
          ))}
        </div>
      ) : null}
      {conflict ? (
        <div className="ffv-editor__conflict" role="alert">
          <div className="ffv-editor__conflict-title">{t('conflictTitle')}</div>
          <dl>
            <dt>{t('conflictYours')}</dt>
            <dd data-testid="conflict-mine">{formatValue(field, conflict.mine) || t('noValue')}</dd>
            <dt>{t('conflictCurrent')}</dt>
            <dd data-testid="conflict-current">
              {formatValue(field, conflict.current.data[field.id]) || t('noValue')}
            </dd>
          </dl>
          <div className="ffv-editor__actions">
            <Button small variant="primary" onClick={() => void send(conflict.mine, conflict.current.version)}>
              {t('keepMine')}
            </Button>
            <Button
              small
              onClick={() => {
                onSaved(conflict.current);
                onDone();
              }}
            >
              {t('useCurrent')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="ffv-editor__actions">
          <Button small variant="primary" onClick={commit} disabled={saving}>
            {t('saveCell')}
          </Button>
          <Button small onClick={onDone}>
            {t('cancel')}
          </Button>
        </div>
      )}
    </div>
  );
}
