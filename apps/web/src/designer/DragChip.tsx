import { DragOverlay } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '@formflow/schema';
import { localized } from '../ui/localized.js';
import { FieldIcon } from './FieldIcon.js';
import { findField } from './field-tree.js';
import type { DragSource } from './use-designer-dnd.js';

/** What follows the pointer while dragging: the icon and name of the palette type or of the canvas field. */
export function DragChip({ active, form }: { active: DragSource | null; form: FormDef }) {
  const { t } = useTranslation('designer');
  const draggedLabel =
    active?.source === 'palette'
      ? { type: active.type, text: t(`types.${active.type}`) }
      : active?.source === 'field'
        ? (() => {
            const f = findField(form, active.fieldId)?.field;
            return f ? { type: f.type, text: localized(f.label) } : null;
          })()
        : null;
  return (
    <DragOverlay dropAnimation={null}>
      {draggedLabel ? (
        <div className="dz-dragchip">
          <FieldIcon type={draggedLabel.type} />
          {draggedLabel.text}
        </div>
      ) : null}
    </DragOverlay>
  );
}
