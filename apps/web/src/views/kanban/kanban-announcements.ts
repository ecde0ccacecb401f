import type { Announcements } from '@dnd-kit/core';
import type { FormRecord } from '../../api/types.js';
import type { KanbanColumn } from './kanban-model.js';

/** What screen readers hear while a card is dragged (picked up from / over / dropped on a column, cancelled). */
export function kanbanAnnouncements({
  t,
  columns,
  titleOf,
  fromColumn,
}: {
  t: (key: string, options?: Record<string, unknown>) => string;
  columns: KanbanColumn[];
  titleOf: (record: FormRecord | undefined) => string;
  /** The id of the column the record is in now (after any pending move). */
  fromColumn: (record: FormRecord) => string;
}): Announcements {
  const recordOf = (active: { data: { current?: unknown } }) =>
    (active.data.current as { record?: FormRecord } | undefined)?.record;
  const columnLabel = (id: unknown) => columns.find((c) => c.id === id)?.label ?? '';
  const fromLabel = (record: FormRecord | undefined) => (record ? columnLabel(fromColumn(record)) : '');
  return {
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
}
