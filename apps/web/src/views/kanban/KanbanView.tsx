import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ArrowLeftRight, ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DndContext,
  DragOverlay,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { FieldDef, FilterNode, ViewDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import { ApiError } from '../../api/api-error.js';
import { Button, Dialog, ErrorBanner, Spinner, errorMessage, localized } from '../../ui/index.js';
import { formatValue, type FormatLookups } from '../../runtime/format-value.js';
import { cardFields, displayText, recordTitle } from '../../record/record-display.js';
import { useLookups } from '../../record/use-lookups.js';
import { SelectTags, isSelectField, selectedIds } from '../../record/SelectTags.js';
import {
  andFilters,
  applyMoves,
  canMoveBy,
  columnFilter,
  columnOf,
  kanbanColumns,
  searchFilter,
  type KanbanColumn,
} from './kanban-model.js';
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

const PAGE = 20;

type Move = { record: FormRecord; from: string; to: string; amount: number | null };

/** Pointer first (what the mouse is over), else the column the card overlaps most. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/**
 * The kanban board (the sales funnel): one column per option of the view's `groupBy` select (in option order, plus
 * "no value"), each with its record count and the total of `sumField`; cards page per column. Dragging a card to
 * another column PATCHes the record's group-by value (If-Match), moving it at once and rolling back if refused.
 */
export function KanbanView({ form, view, filter, q, onOpenRecord }: KanbanViewProps) {
  const { t } = useTranslation('record');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const lookups = useLookups();
  const groupField = form.fields.find((f) => f.id === view.groupBy && !f.deleted);
  const sumField = form.fields.find((f) => f.id === view.sumField && !f.deleted);
  const baseFilter = useMemo(() => andFilters(view.filter, filter), [view.filter, filter]);
  const aggregateFilter = useMemo(() => andFilters(baseFilter, searchFilter(form, q)), [baseFilter, form, q]);
  const [moves, setMoves] = useState<Map<string, Move>>(new Map());
  const [dragging, setDragging] = useState<FormRecord | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
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

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );

  const move = useCallback(
    async (record: FormRecord, to: KanbanColumn) => {
      if (!groupField) return;
      const from = columnOf(moves.get(record.id)?.record.data[groupField.id] ?? record.data[groupField.id]);
      if (from === to.id) return;
      const amountValue = sumField ? record.data[sumField.id] : null;
      const amount = typeof amountValue === 'number' ? amountValue : null;
      const moved: FormRecord = { ...record, data: { ...record.data, [groupField.id]: to.value } };
      setMoveError(null);
      setMoves((current) => new Map(current).set(record.id, { record: moved, from, to: to.id, amount }));
      const drop = () =>
        setMoves((current) => {
          const next = new Map(current);
          next.delete(record.id);
          return next;
        });
      try {
        await endpoints.records.update(record.id, { [groupField.id]: to.value }, record.version);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: keys.records(form.id) }),
          queryClient.invalidateQueries({ queryKey: keys.record(record.id) }),
          queryClient.invalidateQueries({ queryKey: keys.history(record.id) }),
        ]);
        drop();
      } catch (error) {
        drop();
        setMoveError(error);
        void queryClient.invalidateQueries({ queryKey: keys.records(form.id) });
      }
    },
    [groupField, sumField, moves, queryClient, form.id],
  );

  if (!groupField) return <div className="ff-banner">{t('kanbanNoGroupField')}</div>;

  const onDragStart = (event: DragStartEvent) => {
    setDragging((event.active.data.current as { record?: FormRecord } | undefined)?.record ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const record = (event.active.data.current as { record?: FormRecord } | undefined)?.record;
    const target = columns.find((c) => c.id === event.over?.id);
    if (record && target) void move(record, target);
  };

  const titleOf = (record: FormRecord | undefined) => (record ? recordTitle(form, record, t('untitled'), lookups) : '');
  const recordOf = (active: { data: { current?: unknown } }) =>
    (active.data.current as { record?: FormRecord } | undefined)?.record;
  const columnLabel = (id: unknown) => columns.find((c) => c.id === id)?.label ?? '';
  const fromLabel = (record: FormRecord | undefined) =>
    record ? columnLabel(columnOf(moves.get(record.id)?.record.data[groupField.id] ?? record.data[groupField.id])) : '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const record = recordOf(active);
      return t('dnd.pickedUp', { title: titleOf(record), column: fromLabel(record) });
    },
    onDragOver: ({ active, over }) =>
      over
        ? t('dnd.over', { title: titleOf(recordOf(active)), column: columnLabel(over.id) })
        : t('dnd.notOver', { title: titleOf(recordOf(active)) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.dropped', { title: titleOf(recordOf(active)), column: columnLabel(over.id) })
        : t('dnd.droppedNowhere', { title: titleOf(recordOf(active)) }),
    onDragCancel: ({ active }) => {
      const record = recordOf(active);
      return t('dnd.cancelled', { title: titleOf(record), column: fromLabel(record) });
    },
  };
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
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
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
              <Column
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
          {dragging ? (
            <CardBody
              form={form}
              record={dragging}
              shown={shown}
              lookups={lookups}
              className="ff-kanban__card--overlay"
            />
          ) : null}
        </DragOverlay>
      </DndContext>
      <Dialog
        open={menuFor !== null}
        title={menuFor ? t('moveToTitle', { title: recordTitle(form, menuFor, t('untitled'), lookups) }) : ''}
        onClose={() => setMenuFor(null)}
      >
        <div className="ff-kanban__move-list" role="menu" aria-label={t('moveTo')}>
          {menuFor
            ? columns.map((column) => {
                const current = columnOf((moves.get(menuFor.id)?.record ?? menuFor).data[groupField.id]) === column.id;
                return (
                  <button
                    key={column.id}
                    type="button"
                    role="menuitem"
                    className="ff-kanban__move-item"
                    disabled={current}
                    onClick={() => {
                      const record = menuFor;
                      setMenuFor(null);
                      void move(record, column);
                    }}
                  >
                    <span
                      className="ff-kanban__dot"
                      style={{ background: column.color ?? 'var(--ff-border-strong)' }}
                    />
                    {column.label}
                    {current ? <span className="ff-muted"> · {t('currentColumn')}</span> : null}
                  </button>
                );
              })
            : null}
        </div>
      </Dialog>
    </div>
  );
}

function Column({
  form,
  view,
  column,
  groupField,
  sumField,
  shown,
  lookups,
  filter,
  q,
  movedIn,
  movedAway,
  editable,
  onOpenRecord,
  onMoveMenu,
}: {
  form: LiveForm;
  view: ViewDef;
  column: KanbanColumn;
  groupField: FieldDef;
  sumField: FieldDef | undefined;
  shown: FieldDef[];
  lookups: FormatLookups;
  filter: FilterNode | undefined;
  q: string | undefined;
  movedIn: FormRecord[];
  movedAway: ReadonlyMap<string, Move>;
  editable: boolean;
  onOpenRecord: (id: string) => void;
  onMoveMenu: (record: FormRecord) => void;
}) {
  const { t } = useTranslation('record');
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const search = q?.trim() || undefined;
  const pages = useInfiniteQuery({
    queryKey: [...keys.records(form.id), 'kanban-column', view.id, column.id, filter ?? null, search ?? null],
    queryFn: ({ pageParam, signal }) =>
      endpoints.records.query(
        form.id,
        {
          ...(filter ? { filter } : {}),
          ...(view.sort?.length ? { sort: view.sort } : {}),
          ...(search ? { q: search } : {}),
          limit: PAGE,
          ...(pageParam ? { cursor: pageParam } : {}),
        },
        signal,
      ),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const fetched = pages.data?.pages.flatMap((p) => p.records) ?? [];
  const inIds = new Set(movedIn.map((r) => r.id));
  const records = [
    ...movedIn,
    ...fetched.filter((r) => !inIds.has(r.id) && !(movedAway.get(r.id) && movedAway.get(r.id)!.to !== column.id)),
  ];
  const headingId = `kanban-col-${view.id}-${column.id}`;
  const hasMore = Boolean(pages.hasNextPage) && fetched.length > 0;

  return (
    <section
      ref={setNodeRef}
      className={'ff-kanban__column' + (isOver ? ' ff-kanban__column--over' : '')}
      aria-labelledby={headingId}
      data-testid="kanban-column"
      data-column={column.id}
    >
      <header className="ff-kanban__head" style={{ borderTopColor: column.color ?? 'var(--ff-border-strong)' }}>
        <div className="ff-kanban__title">
          <span className="ff-kanban__dot" style={{ background: column.color ?? 'var(--ff-border-strong)' }} />
          <h4 id={headingId}>{column.label}</h4>
          <span
            className="ff-tag"
            data-testid="kanban-count"
            data-value={column.count}
            aria-label={t('countLabel', { count: column.count })}
          >
            {column.count}
          </span>
        </div>
        {sumField ? (
          <div className="ff-kanban__sum" data-testid="kanban-sum" data-value={column.sum ?? 0}>
            <span className="ff-muted">{t('sumOf', { field: localized(sumField.label) })}</span>{' '}
            <strong>{formatValue(sumField, column.sum ?? 0)}</strong>
          </div>
        ) : null}
      </header>
      <div className="ff-kanban__cards">
        {pages.isPending ? <Spinner /> : null}
        {pages.error ? <ErrorBanner error={pages.error} /> : null}
        {records.map((record) => (
          <Card
            key={record.id}
            form={form}
            record={record}
            shown={shown}
            lookups={lookups}
            editable={editable && !inIds.has(record.id)}
            groupField={groupField}
            onOpen={() => onOpenRecord(record.id)}
            onMoveMenu={() => onMoveMenu(record)}
          />
        ))}
        {!pages.isPending && records.length === 0 ? <div className="ff-kanban__empty">{t('noCards')}</div> : null}
        {hasMore ? (
          <Button small variant="ghost" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            {pages.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function Card({
  form,
  record,
  shown,
  lookups,
  editable,
  onOpen,
  onMoveMenu,
}: {
  form: LiveForm;
  record: FormRecord;
  shown: FieldDef[];
  lookups: FormatLookups;
  editable: boolean;
  groupField: FieldDef;
  onOpen: () => void;
  onMoveMenu: () => void;
}) {
  const { t } = useTranslation('record');
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: record.id,
    data: { record },
    disabled: !editable,
  });
  const title = recordTitle(form, record, t('untitled'), lookups);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-label={title}
      aria-roledescription={t('card')}
      className={'ff-kanban__card' + (isDragging ? ' ff-kanban__card--dragging' : '')}
      data-testid="kanban-card"
      data-record={record.id}
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      <CardBody form={form} record={record} shown={shown} lookups={lookups} />
      {editable ? (
        <button
          type="button"
          className="ff-kanban__card-menu"
          aria-label={t('moveToFor', { title })}
          title={t('moveTo')}
          onPointerDown={(event) => event.stopPropagation()}
          onMouseDown={(event) => event.stopPropagation()}
          onTouchStart={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
          onClick={(event) => {
            event.stopPropagation();
            onMoveMenu();
          }}
        >
          <ArrowLeftRight size={16} aria-hidden="true" />
        </button>
      ) : null}
    </div>
  );
}

function CardBody({
  form,
  record,
  shown,
  lookups,
  className,
}: {
  form: LiveForm;
  record: FormRecord;
  shown: FieldDef[];
  lookups: FormatLookups;
  className?: string;
}) {
  const { t } = useTranslation('record');
  return (
    <div className={'ff-kanban__card-body' + (className ? ' ' + className : '')}>
      <div className="ff-kanban__card-title">{recordTitle(form, record, t('untitled'), lookups)}</div>
      {shown.map((field) => {
        const value = record.data[field.id];
        if (isSelectField(field) && selectedIds(value).length)
          return (
            <div key={field.id} className="ff-kanban__card-field ff-kanban__card-field--tags">
              <span className="ff-muted">{localized(field.label)}</span>
              <SelectTags field={field} value={value} />
            </div>
          );
        const text = displayText(field, value, lookups);
        if (!text) return null;
        return (
          <div key={field.id} className="ff-kanban__card-field">
            <span className="ff-muted">{localized(field.label)}</span>
            <span>{text}</span>
          </div>
        );
      })}
    </div>
  );
}

/** Whether the board can scroll further left / right (an edge fade and a scroll button show it). */
function useScrollEdges(ref: RefObject<HTMLDivElement | null>, columnCount: number) {
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const left = element.scrollLeft > 2;
      const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 2;
      setEdges((current) => (current.left === left && current.right === right ? current : { left, right }));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(element);
    for (const child of Array.from(element.children)) observer?.observe(child);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [ref, columnCount]);
  return edges;
}
