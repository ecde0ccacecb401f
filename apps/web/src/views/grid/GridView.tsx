import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, Inbox, Plus, SearchX } from 'lucide-react';
import type { FieldDef, SelectOption } from '@formflow/schema';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { currentLanguage } from '../../i18n/current-language.js';
import { formatValue, type FormatLookups } from '../../runtime/format-value.js';
import { ErrorBanner } from '../../ui/ErrorBanner.js';
import { localized } from '../../ui/localized.js';
import { CellEditor } from './CellEditor.js';
import { cellTags, cellText, defaultWidth, isNumericField, lookupsNeeded } from './cell-text.js';
import { canEditInline } from './inline-edit.js';
import { useGridData, type GridQuery } from './use-grid-data.js';
import './grid.css';

export type GridViewProps = {
  form: LiveForm;
  /** Visible columns, in order. */
  columns: FieldDef[];
  /** Form, filter (view, toolbar and search ANDed) and sort (grouping first). */
  query: GridQuery;
  /** Group header rows by this field (the query sorts by it first). */
  groupField?: FieldDef;
  onOpenRecord: (recordId: string) => void;
  /** Where "add the first record" leads when the form has no records at all (absent: the caller may not submit). */
  newRecordHref?: string;
};

const ROW_H = 36;
const HEAD_H = 38;
const NUM_W = 60;
const OPEN_DELAY = 230;

type Active = { row: number; col: number };
type Editing = { recordId: string; fieldId: string };

/**
 * The virtualised grid: rows and columns are windowed with @tanstack/react-virtual, rows come from the server in pages
 * of 100 (only those in view, plus one ahead), the header sticks, columns can be resized. A click opens the record
 * drawer; a double-click or Enter edits a writable cell in place.
 */
export function GridView({ form, columns, query, groupField, onOpenRecord, newRecordHref }: GridViewProps) {
  const { t } = useTranslation('views');
  const scrollRef = useRef<HTMLDivElement>(null);
  const openTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [active, setActive] = useState<Active | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const language = currentLanguage();

  // Names of members / departments only when a column shows them (a fetch and a re-render less on most forms).
  const needed = lookupsNeeded(groupField ? [...columns, groupField] : columns);
  const members = useQuery({
    queryKey: keys.members,
    queryFn: endpoints.directory.members,
    staleTime: 5 * 60_000,
    enabled: needed.members,
  });
  const departments = useQuery({
    queryKey: keys.departments,
    queryFn: endpoints.directory.departments,
    staleTime: 5 * 60_000,
    enabled: needed.departments,
  });
  const lookups = useMemo<FormatLookups>(
    () => ({
      members: new Map((members.data?.members ?? []).map((m) => [m.id, m.name])),
      departments: new Map((departments.data?.departments ?? []).map((d) => [d.id, d.name])),
    }),
    [members.data, departments.data],
  );
  // Cell texts per record object (a record edit replaces the object), recomputed when names or the language change:
  // re-renders while scrolling or when a page arrives do not format every visible cell again.
  const texts = useMemo(() => {
    void lookups;
    void language;
    return new WeakMap<FormRecord, Map<string, string>>();
  }, [lookups, language]);
  const textOf = (field: FieldDef, record: FormRecord): string => {
    let row = texts.get(record);
    if (!row) texts.set(record, (row = new Map()));
    let text = row.get(field.id);
    if (text === undefined) row.set(field.id, (text = cellText(field, record, lookups, language)));
    return text;
  };

  const groupBy = useMemo(
    () =>
      groupField
        ? {
            field: groupField.id,
            optionOrder:
              groupField.type === 'select'
                ? ((groupField.settings?.['options'] ?? []) as SelectOption[]).map((o) => o.id)
                : null,
          }
        : null,
    [groupField],
  );
  const data = useGridData(query, groupBy);
  const layout = data.layout;
  // Before the count arrives the first page's rows are laid out already (the count then extends the list).
  const rowCount = groupField ? (layout?.size ?? 0) : (data.rows ?? 0);

  const widthOf = useCallback((field: FieldDef) => widths[field.id] ?? defaultWidth(field), [widths]);
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 8,
    paddingStart: HEAD_H,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (columns[i] ? widthOf(columns[i]) : 160),
    overscan: 2,
    paddingStart: NUM_W,
  });
  const widthKey = columns.map((c) => `${c.id}:${String(widthOf(c))}`).join(',');
  useEffect(() => {
    cols.measure();
  }, [widthKey, cols]);

  const virtualRows = rows.getVirtualItems();
  const virtualCols = cols.getVirtualItems();
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  const { setVisible } = data;
  useEffect(() => {
    if (rowCount > 0) setVisible(firstRow, lastRow);
  }, [firstRow, lastRow, rowCount, setVisible]);

  // A new query starts at the top.
  const querySig = JSON.stringify(query);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setActive(null);
    setEditing(null);
  }, [querySig]);

  useEffect(
    () => () => {
      if (openTimer.current) clearTimeout(openTimer.current);
    },
    [],
  );

  const totalWidth = NUM_W + columns.reduce((sum, c) => sum + widthOf(c), 0);

  const recordOfRow = (row: number): FormRecord | undefined => {
    const display = layout ? layout.row(row) : { kind: 'record' as const, index: row };
    return display.kind === 'record' ? data.recordAt(display.index) : undefined;
  };

  const openLater = (recordId: string) => {
    if (openTimer.current) clearTimeout(openTimer.current);
    openTimer.current = setTimeout(() => onOpenRecord(recordId), OPEN_DELAY);
  };
  const cancelOpen = () => {
    if (openTimer.current) clearTimeout(openTimer.current);
    openTimer.current = null;
  };

  const editable = (field: FieldDef) => canEditInline(field, form.access.writable, form.access.actions);
  const startEdit = (record: FormRecord, field: FieldDef) => {
    cancelOpen();
    if (editable(field)) setEditing({ recordId: record.id, fieldId: field.id });
    else onOpenRecord(record.id);
  };

  const focusCell = (next: Active) => {
    setActive(next);
    rows.scrollToIndex(next.row, { align: 'auto' });
    cols.scrollToIndex(next.col, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-cell="${String(next.row)}:${String(next.col)}"]`)
        ?.focus({ preventScroll: true });
    });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!active || editing) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusCell({
        row: Math.max(0, Math.min(rowCount - 1, active.row + move[0])),
        col: Math.max(0, Math.min(columns.length - 1, active.col + move[1])),
      });
      return;
    }
    const record = recordOfRow(active.row);
    const field = columns[active.col];
    if (!record || !field) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(record, field);
    } else if (event.key === ' ') {
      event.preventDefault();
      onOpenRecord(record.id);
    }
  };

  const startResize = (field: FieldDef, event: React.PointerEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = widthOf(field);
    const onMove = (e: PointerEvent) => {
      const width = Math.max(70, Math.min(640, startWidth + e.clientX - startX));
      setWidths((w) => ({ ...w, [field.id]: width }));
    };
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };

  const sortOf = (fieldId: string) => query.sort.find((s) => s.field === fieldId)?.direction;

  return (
    <div className="ffv-gridbox">
      <ErrorBanner error={data.countError ?? data.pageError} />
      <div
        ref={scrollRef}
        className="ffv-grid"
        role="grid"
        data-testid="grid"
        aria-label={localized(form.name)}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + 1}
        aria-busy={data.total === undefined}
        onKeyDown={onKeyDown}
      >
        <div className="ffv-grid__canvas" style={{ height: rows.getTotalSize(), width: totalWidth }}>
          <div className="ffv-grid__head" role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEAD_H }}>
            <div className="ffv-grid__num ffv-grid__num--head" role="columnheader" aria-colindex={1}>
              #
            </div>
            {virtualCols.map((c) => {
              const field = columns[c.index]!;
              const direction = sortOf(field.id);
              return (
                <div
                  key={field.id}
                  role="columnheader"
                  aria-colindex={c.index + 2}
                  aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                  className={`ffv-grid__th${isNumericField(field) ? ' ffv-num-align' : ''}`}
                  style={{ left: c.start, width: c.size }}
                  title={localized(field.label)}
                >
                  <span className="ffv-grid__th-label">{localized(field.label)}</span>
                  {direction === 'asc' ? (
                    <ArrowUp className="ffv-grid__sort" size={14} aria-hidden="true" />
                  ) : direction === 'desc' ? (
                    <ArrowDown className="ffv-grid__sort" size={14} aria-hidden="true" />
                  ) : null}
                  <span
                    className="ffv-grid__resize"
                    role="separator"
                    aria-orientation="vertical"
                    aria-label={t('resizeColumn', { field: localized(field.label) })}
                    onPointerDown={(e) => startResize(field, e)}
                  />
                </div>
              );
            })}
          </div>
          {virtualRows.map((item) => {
            const display = layout ? layout.row(item.index) : { kind: 'record' as const, index: item.index, group: 0 };
            if (display.kind === 'header' && layout && groupField) {
              const group = layout.groups[display.group]!;
              const label =
                group.key === null || group.key === undefined
                  ? t('noValue')
                  : formatValue(groupField, group.key, lookups) || String(group.key);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="ffv-grid__group"
                  style={{ top: item.start, height: ROW_H, width: totalWidth }}
                >
                  <div role="gridcell" aria-colspan={columns.length + 1} className="ffv-grid__group-cell">
                    <span className="ffv-grid__group-field">{localized(groupField.label)}</span>
                    <strong>{label}</strong>
                    <span className="ff-tag" data-testid="group-count">
                      {group.count}
                    </span>
                  </div>
                </div>
              );
            }
            const index = display.kind === 'record' ? display.index : 0;
            const record = data.recordAt(index);
            const rowEditing = record !== undefined && editing?.recordId === record.id;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-record-id={record?.id}
                className={`ffv-grid__row${record ? '' : ' ffv-grid__row--loading'}${rowEditing ? ' ffv-grid__row--editing' : ''}`}
                style={{ top: item.start, height: ROW_H, width: totalWidth }}
                onClick={(event) => {
                  if (!record || editing || event.detail > 1) return;
                  openLater(record.id);
                }}
              >
                <div className="ffv-grid__num" role="rowheader" aria-colindex={1}>
                  {index + 1}
                </div>
                {record ? (
                  virtualCols.map((c) => {
                    const field = columns[c.index]!;
                    const isEditing = rowEditing && editing?.fieldId === field.id;
                    const isActive = active?.row === item.index && active.col === c.index;
                    const canEdit = editable(field);
                    return (
                      <div
                        key={field.id}
                        role="gridcell"
                        aria-colindex={c.index + 2}
                        aria-readonly={!canEdit}
                        data-field-id={field.id}
                        data-cell={`${String(item.index)}:${String(c.index)}`}
                        tabIndex={isActive || (!active && item.index === 0 && c.index === 0) ? 0 : -1}
                        className={`ffv-grid__td${isNumericField(field) ? ' ffv-num-align' : ''}${isActive ? ' ffv-grid__td--active' : ''}${isEditing ? ' ffv-grid__td--editing' : ''}`}
                        style={{ left: c.start, width: c.size }}
                        onFocus={() => {
                          if (!isActive) setActive({ row: item.index, col: c.index });
                        }}
                        onDoubleClick={() => startEdit(record, field)}
                      >
                        {isEditing ? (
                          <CellEditor
                            form={form}
                            field={field}
                            record={record}
                            width={c.size}
                            onDone={() => {
                              setEditing(null);
                              focusCell({ row: item.index, col: c.index });
                            }}
                            onSaved={data.replaceRecord}
                          />
                        ) : (
                          <CellContent field={field} record={record} text={textOf(field, record)} language={language} />
                        )}
                      </div>
                    );
                  })
                ) : (
                  <div className="ffv-grid__skeleton" style={{ left: NUM_W, width: totalWidth - NUM_W }} />
                )}
              </div>
            );
          })}
        </div>
        {data.total === 0 ? (
          query.filter ? (
            <div className="ffv-grid__empty" data-testid="grid-empty">
              <SearchX size={28} aria-hidden="true" />
              <p>{t('noRecords')}</p>
            </div>
          ) : (
            <div className="ffv-grid__empty" data-testid="grid-empty">
              <Inbox size={28} aria-hidden="true" />
              <p className="ffv-grid__empty-title">{t('noDataYet')}</p>
              {newRecordHref ? (
                <>
                  <p>{t('noDataHint')}</p>
                  <Link className="ff-btn ff-btn--primary" to={newRecordHref}>
                    <Plus size={16} aria-hidden="true" />
                    {t('addFirstRecord')}
                  </Link>
                </>
              ) : null}
            </div>
          )
        ) : null}
      </div>
      <div className="ffv-grid__status" aria-live="polite">
        {data.total === undefined ? (
          t('counting')
        ) : (
          <span data-testid="record-count" data-count={data.total}>
            {t('recordCount', { count: data.total })}
          </span>
        )}
      </div>
    </div>
  );
}

/**
 * A cell's content: select / multiselect values as tags in their option colours, everything else as text. The text
 * content stays what `cellText` gives (multiselect tags are joined by visually hidden separators), so screen readers,
 * copy and tests read the same words as before.
 */
function CellContent({
  field,
  record,
  text,
  language,
}: {
  field: FieldDef;
  record: FormRecord;
  text: string;
  language: string;
}) {
  const tags = cellTags(field, record);
  if (!tags) return <span className="ffv-grid__text">{text}</span>;
  const separator = language === 'en' ? ', ' : '、';
  return (
    <span className="ffv-grid__tags">
      {tags.map((tag, i) => (
        <span key={`${tag.id}:${String(i)}`} className="ffv-grid__tagwrap">
          {i > 0 ? <span className="ff-visually-hidden">{separator}</span> : null}
          <span
            className="ff-tag ffv-grid__tag"
            data-option={tag.id}
            style={tag.color ? { background: `${tag.color}26`, color: 'var(--ff-text)' } : undefined}
          >
            {tag.color ? (
              <span className="ffv-grid__tagdot" style={{ background: tag.color }} aria-hidden="true" />
            ) : null}
            {tag.label}
          </span>
        </span>
      ))}
    </span>
  );
}
