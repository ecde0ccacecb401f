import type { FieldDef } from '@formflow/schema';
import { X } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { localized } from '../../ui/localized.js';
import { FieldShell } from '../field-shell.js';
import { sourceOf } from '../form-model.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

type Row = Record<string, unknown> & { id?: string };

/** A fresh row id (the engine's shape: `r` + base-36 random). */
export function newRowId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return 'r' + Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

export function columnsOf(field: FieldDef): FieldDef[] {
  const columns = Array.isArray(field.settings?.fields) ? (field.settings.fields as unknown as FieldDef[]) : [];
  return columns.filter((c) => !c.deleted && !c.hidden);
}

function SubtableEdit({
  field,
  value,
  onChange,
  readOnly,
  id,
  labelId,
  describedBy,
  ctx,
  path,
  invalid,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const rows: Row[] = Array.isArray(value) ? (value as Row[]) : [];
  const latest = useRef(rows);
  latest.current = rows;
  const columns = columnsOf(field);
  const maxRows = typeof field.settings?.maxRows === 'number' ? field.settings.maxRows : 200;
  const set = (next: Row[]) => {
    latest.current = next;
    onChange(next.length > 0 ? next : null);
  };
  const move = (from: number, to: number) => {
    const next = [...latest.current];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row!);
    set(next);
  };
  const rowLabel = (i: number) => t('subtable.row', { n: i + 1 });
  return (
    <div
      id={id}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className="ff-rt-subtable"
    >
      {rows.length === 0 ? <div className="ff-muted ff-rt-subtable__empty">{t('subtable.empty')}</div> : null}
      <ol className="ff-rt-subtable__rows">
        {rows.map((row, i) => {
          const rowKey = typeof row.id === 'string' ? row.id : `i${i}`;
          return (
            <li key={rowKey} className="ff-rt-subtable__row" aria-label={rowLabel(i)}>
              <div className="ff-rt-subtable__head">
                <span className="ff-rt-subtable__n">{rowLabel(i)}</span>
                {!readOnly ? (
                  <span className="ff-rt-subtable__actions">
                    <Button
                      variant="ghost"
                      small
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('subtable.up', { n: i + 1 })}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      small
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label={t('subtable.down', { n: i + 1 })}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="ghost"
                      small
                      onClick={() => set(latest.current.filter((_, j) => j !== i))}
                      aria-label={t('subtable.remove', { n: i + 1 })}
                    >
                      <X size={14} aria-hidden />
                    </Button>
                  </span>
                ) : null}
              </div>
              <div className="ff-rt-subtable__cells">
                {columns.map((column) => {
                  const cellPath = `${path}.${i}.${column.id}`;
                  return (
                    <FieldShell
                      key={column.id}
                      field={column}
                      renderer={ctx.renderers[column.type]}
                      id={`${id}-${i}-${column.id}`}
                      path={cellPath}
                      value={row[column.id] ?? null}
                      onChange={(cell) =>
                        set(latest.current.map((r, j) => (j === i ? { ...r, [column.id]: cell } : r)))
                      }
                      onBlur={() => undefined}
                      readOnly={readOnly || column.readonly === true || sourceOf(column) !== 'user'}
                      required={column.required === true}
                      error={ctx.errorAt(cellPath)}
                      ctx={ctx}
                    />
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
      {!readOnly ? (
        <Button onClick={() => set([...latest.current, { id: newRowId() }])} disabled={rows.length >= maxRows}>
          + {t('subtable.add', { name: localized(field.label) })}
        </Button>
      ) : null}
    </div>
  );
}

/** 子表单: rows of typed columns (each rendered by its own type's renderer), add / remove / move; a card per row. */
export const subtableRenderer: FieldRenderer = {
  label: 'group',
  Edit: SubtableEdit,
  View: (props) => <SubtableEdit {...props} readOnly />,
};
