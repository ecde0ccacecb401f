import { useCallback, useState } from 'react';
import type { FieldDef } from '@formflow/schema';
import { defaultWidth } from './cell-text.js';

/** Column widths (a default per field type until the user drags a header's resize handle: 70–640 px). */
export function useColumnWidths() {
  const [widths, setWidths] = useState<Record<string, number>>({});
  const widthOf = useCallback((field: FieldDef) => widths[field.id] ?? defaultWidth(field), [widths]);
  const startResize = (field: FieldDef, event: React.PointerEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = widthOf(field);
    const onMove = (e: PointerEvent) => {
      const width = Math.max(70, Math.min(640, startWidth + e.clientX - startX));
      setWidths((w) => ({ ...w, [field.id]: width }));
    };
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };
  return { widthOf, startResize };
}
