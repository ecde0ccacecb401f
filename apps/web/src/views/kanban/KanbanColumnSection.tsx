import { useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDroppable } from '@dnd-kit/core';
import type { FieldDef, FilterNode, ViewDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import { Button, ErrorBanner, Spinner, localized } from '../../ui/index.js';
import { formatValue, type FormatLookups } from '../../runtime/format-value.js';
import { KanbanCard } from './KanbanCard.js';
import type { KanbanColumn } from './kanban-model.js';
import type { Move } from './use-kanban-moves.js';

const PAGE = 20;

/**
 * One column of the board (a drop target): its heading with count and sum, and its cards paged 20 at a time. Cards
 * being moved show at once in their new column (`movedIn`) and no longer in their old one (`movedAway`).
 */
export function KanbanColumnSection({
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
          <KanbanCard
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
