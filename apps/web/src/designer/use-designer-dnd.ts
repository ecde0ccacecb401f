import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { FieldDef, FieldType, FormDef } from '@formflow/schema';
import { acceptsDrop, type CanvasRow, type DropTarget } from './canvas-rows.js';
import { columnsOf, findField } from './field-tree.js';
import { dropHintAt, dropIds, type DropHint, type Point } from './drop-target.js';

export type DragSource = { source: 'palette'; type: FieldType } | { source: 'field'; fieldId: string };

function sameHint(a: DropHint | null, b: DropHint | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Prefers a sub-table's columns and zone over the sub-table card; never the dragged field itself. */
const collision: CollisionDetection = (args) => {
  const hits = args.pointerCoordinates ? pointerWithin(args) : closestCenter(args);
  const activeId = String(args.active.id);
  const own = activeId.startsWith('field:') ? activeId.slice(6) : undefined;
  const allowed = hits.filter((h) => {
    const id = String(h.id);
    if (own === undefined) return true;
    return id !== dropIds.field(own) && id !== dropIds.column(own) && id !== dropIds.subtable(own);
  });
  const inner = allowed.filter((h) => String(h.id).startsWith('col:') || String(h.id).startsWith('sub:'));
  return inner.length > 0 ? inner : allowed;
};

/**
 * Drag and drop of the designer (@dnd-kit/core): palette types and canvas fields are draggable; fields, sub-table
 * columns and zones and the canvas end are droppable. The pointer position over a field decides above / below /
 * beside (a multi-column row). Dropping calls `onDrop` with the source and the target.
 */
export function useDesignerDnd({
  form,
  rows,
  touch,
  canvasRef,
  onDrop,
}: {
  form: FormDef;
  rows: readonly CanvasRow[];
  touch: boolean;
  canvasRef: RefObject<HTMLElement | null>;
  onDrop: (source: DragSource, target: DropTarget) => void;
}) {
  const [hint, setHintState] = useState<DropHint | null>(null);
  const [active, setActive] = useState<DragSource | null>(null);
  const hintRef = useRef<DropHint | null>(null);
  const state = useRef({ form, rows });
  state.current = { form, rows };
  const setHint = useCallback((next: DropHint | null) => {
    if (sameHint(hintRef.current, next)) return;
    hintRef.current = next;
    setHintState(next);
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, {
      activationConstraint: touch ? { delay: 200, tolerance: 8 } : { distance: 4 },
    }),
    useSensor(KeyboardSensor, { keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );

  const onDragStart = useCallback((event: DragStartEvent) => {
    setActive((event.active.data.current as DragSource | undefined) ?? null);
  }, []);

  const onDragMove = useCallback(
    (event: DragMoveEvent) => {
      const source = event.active.data.current as DragSource | undefined;
      const activator = event.activatorEvent as Partial<PointerEvent>;
      let point: Point | undefined;
      if (typeof activator.clientX === 'number' && typeof activator.clientY === 'number') {
        point = { x: activator.clientX + event.delta.x, y: activator.clientY + event.delta.y };
      } else {
        const r = event.active.rect.current.translated;
        if (r) point = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      const { form: current, rows: currentRows } = state.current;
      if (!event.over || !point || !source) {
        // Between two cards: keep the last hint while the pointer stays over the canvas.
        const canvas = canvasRef.current?.getBoundingClientRect();
        const inside =
          point &&
          canvas &&
          point.x >= canvas.left &&
          point.x <= canvas.right &&
          point.y >= canvas.top &&
          point.y <= canvas.bottom;
        if (!inside) setHint(null);
        return;
      }
      const columns = (subtableId: string) => {
        const sub = current.fields.find((f) => f.id === subtableId);
        return sub ? columnsOf(sub).map((c) => c.id) : [];
      };
      const next = dropHintAt(
        String(event.over.id),
        event.over.rect,
        point,
        currentRows,
        columns,
        event.over.data.current as { subtableId?: string } | undefined,
      );
      const dragged: Pick<FieldDef, 'id' | 'type'> | undefined =
        source.source === 'palette' ? { id: '', type: source.type } : findField(current, source.fieldId)?.field;
      setHint(next && dragged && acceptsDrop(current, dragged, next.target) ? next : null);
    },
    [canvasRef, setHint],
  );

  const finish = useCallback(
    (event: DragEndEvent | null) => {
      const target = hintRef.current?.target;
      const source = event?.active.data.current as DragSource | undefined;
      setHint(null);
      setActive(null);
      if (event && target && source) onDrop(source, target);
    },
    [onDrop, setHint],
  );

  const handlers = useMemo(
    () => ({
      onDragStart,
      onDragMove,
      onDragOver: onDragMove,
      onDragEnd: (event: DragEndEvent) => finish(event),
      onDragCancel: () => finish(null),
    }),
    [onDragStart, onDragMove, finish],
  );
  return { sensors, collision, hint, active, handlers };
}
