import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FieldDef, SelectOption } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { currentLanguage } from '../../i18n/current-language.js';
import { ErrorBanner } from '../../ui/ErrorBanner.js';
import { localized } from '../../ui/localized.js';
import { CellEditor } from './CellEditor.js';
import { isNumericField } from './cell-text.js';
import { GridCellContent } from './GridCellContent.js';
import { GridEmptyState } from './GridEmptyState.js';
import { GridGroupRow } from './GridGroupRow.js';
import { GridHeaderRow } from './GridHeaderRow.js';
import { HEAD_H, NUM_W, ROW_H } from './grid-metrics.js';
import { canEditInline } from './inline-edit.js';
import { useCellTexts } from './use-cell-texts.js';
import { useColumnWidths } from './use-column-widths.js';
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
  const [active, setActive] = useState<Active | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const language = currentLanguage();
  const { widthOf, startResize } = useColumnWidths();
  const { lookups, textOf } = useCellTexts(groupField ? [...columns, groupField] : columns, language);

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
          <GridHeaderRow
            columns={columns}
            virtualCols={virtualCols}
            totalWidth={totalWidth}
            sortOf={sortOf}
            startResize={startResize}
          />
          {virtualRows.map((item) => {
            const display = layout ? layout.row(item.index) : { kind: 'record' as const, index: item.index, group: 0 };
            if (display.kind === 'header' && layout && groupField) {
              return (
                <GridGroupRow
                  key={item.key}
                  item={item}
                  group={layout.groups[display.group]!}
                  groupField={groupField}
                  lookups={lookups}
                  columnCount={columns.length}
                  totalWidth={totalWidth}
                />
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
                          <GridCellContent
                            field={field}
                            record={record}
                            text={textOf(field, record)}
                            language={language}
                          />
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
        {data.total === 0 ? <GridEmptyState filtered={Boolean(query.filter)} newRecordHref={newRecordHref} /> : null}
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
