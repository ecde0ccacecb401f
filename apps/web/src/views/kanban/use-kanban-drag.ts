import { useState } from 'react';
import {
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { FormRecord } from '../../api/types.js';
import type { KanbanColumn } from './kanban-model.js';

/** Pointer first (what the mouse is over), else the column the card overlaps most. */
export const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/**
 * Dragging cards with the mouse (after 6 px) or touch (after a 250 ms press): the card being dragged (for the overlay)
 * and the handlers; a drop on another column calls `onDrop`.
 */
export function useKanbanDrag(columns: KanbanColumn[], onDrop: (record: FormRecord, to: KanbanColumn) => void) {
  const [dragging, setDragging] = useState<FormRecord | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const onDragStart = (event: DragStartEvent) => {
    setDragging((event.active.data.current as { record?: FormRecord } | undefined)?.record ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const record = (event.active.data.current as { record?: FormRecord } | undefined)?.record;
    const target = columns.find((c) => c.id === event.over?.id);
    if (record && target) onDrop(record, target);
  };
  const onDragCancel = () => setDragging(null);
  return { sensors, dragging, onDragStart, onDragEnd, onDragCancel };
}
