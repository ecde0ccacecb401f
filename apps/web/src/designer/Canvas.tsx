import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '@formflow/schema';
import type { CanvasRow } from './canvas-rows.js';
import { CanvasField, type FieldActions } from './CanvasField.js';
import { dropIds, type DropHint } from './drop-target.js';

function CanvasEnd({ active, empty }: { active: boolean; empty: boolean }) {
  const { t } = useTranslation('designer');
  const { setNodeRef } = useDroppable({ id: dropIds.end });
  return (
    <div ref={setNodeRef} className={'dz-canvas__end' + (active ? ' is-over' : '') + (empty ? ' is-empty' : '')}>
      {empty ? t('canvas.empty') : t('canvas.dropHere')}
    </div>
  );
}

/** The form being designed: rows of field cards (multi-column rows side by side), then a drop zone at the end. */
export const Canvas = memo(function Canvas({
  rows,
  fieldsById,
  selectedId,
  hint,
  invalidIds,
  ruleNotes,
  actions,
  touch,
}: {
  rows: readonly CanvasRow[];
  fieldsById: ReadonlyMap<string, FieldDef>;
  selectedId: string | null;
  hint: DropHint | null;
  invalidIds: ReadonlySet<string>;
  /** Fields rules act on: the rule kinds (space-separated) and a tooltip of their conditions. */
  ruleNotes: ReadonlyMap<string, { kinds: string; title: string }>;
  actions: FieldActions;
  touch: boolean;
}) {
  const { t } = useTranslation('designer');
  const hintSubtable = hint?.target.kind === 'column' ? hint.target.subtableId : undefined;
  return (
    <div className="dz-canvas" data-testid="designer-canvas" aria-label={t('canvas.title')} role="region">
      {rows.map((row) => (
        <div key={row.id} className={'dz-row' + (row.fields.length > 1 ? ' dz-row--multi' : '')}>
          {row.fields.map((id) => {
            const field = fieldsById.get(id);
            if (!field) return null;
            const isSubtable = field.type === 'subtable';
            return (
              <CanvasField
                key={id}
                field={field}
                selected={selectedId === id}
                selectedId={isSubtable && selectedId && selectedId !== id ? selectedId : null}
                side={hint?.anchor === dropIds.field(id) ? hint.side : null}
                columnHint={isSubtable && hintSubtable === id ? hint : null}
                invalid={invalidIds.has(id)}
                ruleKinds={ruleNotes.get(id)?.kinds}
                ruleTitle={ruleNotes.get(id)?.title}
                actions={actions}
                touch={touch}
              />
            );
          })}
        </div>
      ))}
      <CanvasEnd active={hint?.anchor === dropIds.end} empty={rows.length === 0} />
    </div>
  );
});
