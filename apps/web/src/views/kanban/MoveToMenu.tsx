import { useTranslation } from 'react-i18next';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { Dialog } from '../../ui/index.js';
import type { FormatLookups } from '../../runtime/format-value.js';
import { recordTitle } from '../../record/record-display.js';
import { columnOf, type KanbanColumn } from './kanban-model.js';
import type { Move } from './use-kanban-moves.js';

/** The "Move to…" dialog: a menu of the columns (the current one disabled), the keyboard/touch way to move a card. */
export function MoveToMenu({
  form,
  record: menuFor,
  columns,
  groupField,
  moves,
  lookups,
  onClose,
  onMove,
}: {
  form: LiveForm;
  record: FormRecord | null;
  columns: KanbanColumn[];
  groupField: FieldDef;
  moves: ReadonlyMap<string, Move>;
  lookups: FormatLookups;
  onClose: () => void;
  onMove: (record: FormRecord, to: KanbanColumn) => void;
}) {
  const { t } = useTranslation('record');
  return (
    <Dialog
      open={menuFor !== null}
      title={menuFor ? t('moveToTitle', { title: recordTitle(form, menuFor, t('untitled'), lookups) }) : ''}
      onClose={onClose}
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
                    onClose();
                    onMove(record, column);
                  }}
                >
                  <span className="ff-kanban__dot" style={{ background: column.color ?? 'var(--ff-border-strong)' }} />
                  {column.label}
                  {current ? <span className="ff-muted"> · {t('currentColumn')}</span> : null}
                </button>
              );
            })
          : null}
      </div>
    </Dialog>
  );
}
