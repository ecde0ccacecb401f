import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { Copy, Eye, GripVertical, Lock, Asterisk, Wand, X } from 'lucide-react';
import type { FieldDef } from '@formflow/schema';
import { localized } from '../ui/localized.js';
import { FieldMock } from './FieldMock.js';
import { FieldIcon } from './FieldIcon.js';
import { columnsOf } from './field-tree.js';
import { dragIds, dropIds, type DropHint } from './drop-target.js';

export type FieldActions = {
  select: (id: string) => void;
  remove: (id: string) => void;
  duplicate: (id: string) => void;
};

type Side = DropHint['side'] | null;

const RULE_ICONS: Record<string, typeof Eye> = { visible: Eye, required: Asterisk, readonly: Lock, assign: Wand };

function stop(event: MouseEvent | KeyboardEvent) {
  event.stopPropagation();
}

/** A column chip of a sub-table on the canvas: draggable, a drop target (before/after), selectable. */
const ColumnChip = memo(function ColumnChip({
  column,
  subtableId,
  selected,
  side,
  actions,
  touch,
}: {
  column: FieldDef;
  subtableId: string;
  selected: boolean;
  side: Side;
  actions: FieldActions;
  touch: boolean;
}) {
  const drag = useDraggable({ id: dragIds.field(column.id), data: { source: 'field', fieldId: column.id } });
  const drop = useDroppable({ id: dropIds.column(column.id), data: { subtableId } });
  return (
    <div
      ref={(node) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      className={
        'dz-column' +
        (selected ? ' is-selected' : '') +
        (drag.isDragging ? ' is-dragging' : '') +
        (side ? ` drop-${side}` : '')
      }
      data-testid="canvas-column"
      data-field-id={column.id}
      {...drag.attributes}
      {...(touch ? {} : drag.listeners)}
      onClick={(event) => {
        event.stopPropagation();
        actions.select(column.id);
      }}
    >
      <FieldIcon type={column.type} />
      <span className="dz-column__label">{localized(column.label)}</span>
      {column.required ? (
        <span className="dz-required" aria-hidden="true">
          *
        </span>
      ) : null}
    </div>
  );
});

function SubtableZone({ subtableId, active, empty }: { subtableId: string; active: boolean; empty: boolean }) {
  const { t } = useTranslation('designer');
  const { setNodeRef } = useDroppable({ id: dropIds.subtable(subtableId), data: { subtableId } });
  return (
    <div ref={setNodeRef} className={'dz-subzone' + (active ? ' is-over' : '') + (empty ? ' is-empty' : '')}>
      {empty ? t('canvas.dropColumns') : '+'}
    </div>
  );
}

/** One field on the canvas. Memoised: it re-renders only when its own field, selection or drop hint changes. */
export const CanvasField = memo(function CanvasField({
  field,
  selected,
  selectedId,
  side,
  columnHint,
  invalid,
  ruleKinds,
  ruleTitle,
  actions,
  touch,
}: {
  field: FieldDef;
  selected: boolean;
  /** The selected id when it is one of this sub-table's columns (else null), to highlight the column. */
  selectedId: string | null;
  side: Side;
  /** The drop hint when it points into this sub-table. */
  columnHint: DropHint | null;
  invalid: boolean;
  /** Kinds of the rules acting on this field (space-separated: visible, required, readonly, assign). */
  ruleKinds?: string;
  /** Their conditions, one per line (the badge's tooltip). */
  ruleTitle?: string;
  actions: FieldActions;
  touch: boolean;
}) {
  const { t } = useTranslation('designer');
  const drag = useDraggable({ id: dragIds.field(field.id), data: { source: 'field', fieldId: field.id } });
  const drop = useDroppable({ id: dropIds.field(field.id) });
  const columns = columnsOf(field);
  const label = localized(field.label);
  const className =
    'dz-field' +
    (selected ? ' is-selected' : '') +
    (drag.isDragging ? ' is-dragging' : '') +
    (invalid ? ' is-invalid' : '') +
    (field.hidden ? ' is-hidden' : '') +
    (side ? ` drop-${side}` : '');
  return (
    <div
      ref={(node) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      className={className}
      data-testid="canvas-field"
      data-field-id={field.id}
      {...drag.attributes}
      {...(touch ? {} : drag.listeners)}
      aria-label={label || t(`types.${field.type}`)}
      aria-pressed={selected}
      onClick={() => actions.select(field.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') actions.select(field.id);
        else drag.listeners?.onKeyDown?.(event);
      }}
    >
      <div className="dz-field__head">
        {touch ? (
          <span className="dz-handle" {...drag.listeners} aria-hidden="true">
            <GripVertical size={16} />
          </span>
        ) : null}
        <span className="dz-field__label">
          {field.type === 'section' ? <strong>{label}</strong> : label}
          {field.required ? <span className="dz-required"> *</span> : null}
        </span>
        {field.hidden ? <span className="ff-tag dz-tag">{t('canvas.hidden')}</span> : null}
        {ruleKinds
          ? ruleKinds.split(' ').map((kind) => {
              const Icon = RULE_ICONS[kind] ?? Eye;
              return (
                <span
                  key={kind}
                  className={`ff-tag dz-tag dz-ruletag dz-ruletag--${kind}`}
                  title={ruleTitle}
                  data-testid="rule-badge"
                >
                  <Icon size={12} aria-hidden="true" />
                  {t(`canvas.ruleBadge.${kind}`)}
                </span>
              );
            })
          : null}
        <span className="dz-field__type">{t(`types.${field.type}`)}</span>
        {selected ? (
          <span className="dz-field__actions" onClick={stop} onKeyDown={stop}>
            <button
              type="button"
              className="dz-mini"
              onClick={() => actions.duplicate(field.id)}
              aria-label={t('canvas.duplicate')}
            >
              <Copy size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className="dz-mini dz-mini--danger"
              onClick={() => actions.remove(field.id)}
              aria-label={t('canvas.remove')}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </span>
        ) : null}
      </div>
      {field.description ? <div className="dz-field__desc">{localized(field.description)}</div> : null}
      {field.type === 'subtable' ? (
        <div className="dz-columns" aria-label={t('canvas.columns')}>
          {columns
            .filter((c) => !c.deleted)
            .map((column) => (
              <ColumnChip
                key={column.id}
                column={column}
                subtableId={field.id}
                selected={selectedId === column.id}
                side={columnHint?.anchor === dropIds.column(column.id) ? columnHint.side : null}
                actions={actions}
                touch={touch}
              />
            ))}
          <SubtableZone
            subtableId={field.id}
            active={columnHint?.anchor === dropIds.subtable(field.id)}
            empty={columns.length === 0}
          />
        </div>
      ) : (
        <FieldMock field={field} />
      )}
    </div>
  );
});
