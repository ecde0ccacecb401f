import type { KeyboardEvent } from 'react';
import { ArrowLeftRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useDraggable } from '@dnd-kit/core';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import type { FormatLookups } from '../../runtime/format-value.js';
import { recordTitle } from '../../record/record-display.js';
import { KanbanCardBody } from './KanbanCardBody.js';

/** A draggable card (opens the record on click / Enter / Space) with its "Move to…" button when the user may move it. */
export function KanbanCard({
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
      <KanbanCardBody form={form} record={record} shown={shown} lookups={lookups} />
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
