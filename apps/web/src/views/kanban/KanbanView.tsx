import { useMemo, useRef, useState } from 'react';
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import type { FilterNode, ViewDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import { ApiError } from '../../api/api-error.js';
import { Button, ErrorBanner, errorMessage } from '../../ui/index.js';
import { cardFields, recordTitle } from '../../record/record-display.js';
import { useLookups } from '../../record/use-lookups.js';
import { kanbanAnnouncements } from './kanban-announcements.js';
import { KanbanCardBody } from './KanbanCardBody.js';
import { KanbanColumnSection } from './KanbanColumnSection.js';
import {
  andFilters,
  applyMoves,
  canMoveBy,
  columnFilter,
  columnOf,
  kanbanColumns,
  searchFilter,
} from './kanban-model.js';
import { MoveToMenu } from './MoveToMenu.js';
import { collision, useKanbanDrag } from './use-kanban-drag.js';
import { useKanbanMoves } from './use-kanban-moves.js';
import { useScrollEdges } from './use-scroll-edges.js';
import './kanban.css';

/** CONTRACT (the kanban area replaces this placeholder, keeping the props). */
export type KanbanViewProps = {
  form: LiveForm;
  view: ViewDef;
  /** Extra filter from the toolbar, ANDed with the view's. */
  filter?: FilterNode;
  q?: string;
  onOpenRecord: (recordId: string) => void;
};

/**
 * The kanban board (the sales funnel): one column per option of the view's `groupBy` select (in option order, plus
 * "no value"), each with its record count and the total of `sumField`; cards page per column. Dragging a card to
 * another column PATCHes the record's group-by value (If-Match), moving it at once and rolling back if refused.
 */
export function KanbanView({ form, view, filter, q, onOpenRecord }: KanbanViewProps) {
  const { t } = useTranslation('record');
  const { t: tc } = useTranslation();
  const lookups = useLookups();
  const groupField = form.fields.find((f) => f.id === view.groupBy && !f.deleted);
  const sumField = form.fields.find((f) => f.id === view.sumField && !f.deleted);
  const baseFilter = useMemo(() => andFilters(view.filter, filter), [view.filter, filter]);
  const aggregateFilter = useMemo(() => andFilters(baseFilter, searchFilter(form, q)), [baseFilter, form, q]);
  const { moves, move, moveError, setMoveError } = useKanbanMoves(form.id, groupField, sumField);
  const [menuFor, setMenuFor] = useState<FormRecord | null>(null);

  const aggregate = useQuery({
    queryKey: [...keys.records(form.id), 'kanban-aggregate', view.id, aggregateFilter ?? null],
    queryFn: () =>
      endpoints.records.aggregate(form.id, {
        ...(aggregateFilter ? { filter: aggregateFilter } : {}),
        groupBy: [{ field: view.groupBy! }],
        measures: [{ agg: 'count' }, ...(sumField ? [{ agg: 'sum' as const, field: sumField.id }] : [])],
      }),
    enabled: Boolean(groupField),
  });

  const columns = useMemo(() => {
    if (!groupField) return [];
    const base = kanbanColumns(groupField, aggregate.data, {
      noValueLabel: t('noValue'),
      hasSum: Boolean(sumField),
      memberName: (id) => lookups.members?.get(id) ?? id,
    });
    return applyMoves(base, [...moves.values()]);
  }, [groupField, aggregate.data, sumField, moves, lookups, t]);

  const editable =
    Boolean(groupField && canMoveBy(groupField)) &&
    form.access.writable.includes(view.groupBy ?? '') &&
    (form.access.actions.includes('edit') || form.access.actions.includes('manage'));

  const board = useRef<HTMLDivElement>(null);
  const edges = useScrollEdges(board, columns.length);

  const drag = useKanbanDrag(columns, (record, target) => void move(record, target));

  if (!groupField) return <div className="ff-banner">{t('kanbanNoGroupField')}</div>;

  const titleOf = (record: FormRecord | undefined) => (record ? recordTitle(form, record, t('untitled'), lookups) : '');
  const announcements = kanbanAnnouncements({
    t,
    columns,
    titleOf,
    fromColumn: (record) => columnOf(moves.get(record.id)?.record.data[groupField.id] ?? record.data[groupField.id]),
  });
  const scrollBoard = (direction: 1 | -1) =>
    board.current?.scrollBy({ left: direction * Math.max(200, board.current.clientWidth * 0.6), behavior: 'smooth' });

  const shown = cardFields(form, view, [groupField.id]);
  const movedIn = new Map<string, FormRecord[]>();
  for (const m of moves.values()) movedIn.set(m.to, [...(movedIn.get(m.to) ?? []), m.record]);

  return (
    <div className="ff-kanban">
      {moveError ? (
        <div className="ff-kanban__error" role="alert">
          <span>
            {t('moveRefused')}{' '}
            {moveError instanceof ApiError && moveError.status === 412 ? t('moveStale') : errorMessage(moveError, tc)}
          </span>
          <Button variant="ghost" small onClick={() => setMoveError(null)} aria-label={t('dismiss')}>
            <X size={16} aria-hidden="true" />
          </Button>
        </div>
      ) : null}
      <ErrorBanner error={aggregate.error} />
      <DndContext
        sensors={drag.sensors}
        collisionDetection={collision}
        onDragStart={drag.onDragStart}
        onDragEnd={drag.onDragEnd}
        onDragCancel={drag.onDragCancel}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      >
        <div
          className={
            'ff-kanban__viewport' +
            (edges.left ? ' ff-kanban__viewport--more-left' : '') +
            (edges.right ? ' ff-kanban__viewport--more-right' : '')
          }
          data-testid="kanban-viewport"
        >
          {edges.left ? (
            <button
              type="button"
              className="ff-kanban__scroll ff-kanban__scroll--left"
              aria-label={t('scrollLeft')}
              title={t('scrollLeft')}
              tabIndex={-1}
              onClick={() => scrollBoard(-1)}
            >
              <ChevronLeft size={18} aria-hidden="true" />
            </button>
          ) : null}
          {edges.right ? (
            <button
              type="button"
              className="ff-kanban__scroll ff-kanban__scroll--right"
              aria-label={t('scrollRight')}
              title={t('scrollRight')}
              tabIndex={-1}
              onClick={() => scrollBoard(1)}
            >
              <ChevronRight size={18} aria-hidden="true" />
            </button>
          ) : null}
          <div className="ff-kanban__board" data-testid="kanban" ref={board}>
            {columns.map((column) => (
              <KanbanColumnSection
                key={column.id}
                form={form}
                view={view}
                column={column}
                groupField={groupField}
                sumField={sumField}
                shown={shown}
                lookups={lookups}
                filter={andFilters(baseFilter, columnFilter(groupField.id, column))}
                q={q}
                movedIn={movedIn.get(column.id) ?? []}
                movedAway={moves}
                editable={editable}
                onOpenRecord={onOpenRecord}
                onMoveMenu={setMenuFor}
              />
            ))}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {drag.dragging ? (
            <KanbanCardBody
              form={form}
              record={drag.dragging}
              shown={shown}
              lookups={lookups}
              className="ff-kanban__card--overlay"
            />
          ) : null}
        </DragOverlay>
      </DndContext>
      <MoveToMenu
        form={form}
        record={menuFor}
        columns={columns}
        groupField={groupField}
        moves={moves}
        lookups={lookups}
        onClose={() => setMenuFor(null)}
        onMove={(record, column) => void move(record, column)}
      />
    </div>
  );
}
