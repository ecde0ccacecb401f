import type { CanvasRow, DropTarget } from './canvas-rows.js';

/** Where the drop indicator shows: on which element (a field, a column, a sub-table zone, the canvas end) and side. */
export type DropHint = {
  target: DropTarget;
  /** Droppable id the indicator belongs to. */
  anchor: string;
  side: 'top' | 'bottom' | 'left' | 'right' | 'inside';
};

export type Rect = { left: number; top: number; width: number; height: number };
export type Point = { x: number; y: number };

/** Droppable ids: a canvas field, a sub-table column, a sub-table's drop zone, the end of the canvas. */
export const dropIds = {
  field: (id: string) => `drop:${id}`,
  column: (id: string) => `col:${id}`,
  subtable: (id: string) => `sub:${id}`,
  end: 'end',
} as const;

/** Draggable ids: a palette type or an existing field. */
export const dragIds = {
  palette: (type: string) => `palette:${type}`,
  field: (id: string) => `field:${id}`,
} as const;

/** Part of a field card that means "beside it" (each side), the rest is above / below. */
export const SIDE_ZONE = 0.22;

/**
 * The drop target for a pointer over a droppable. `rows` are the canvas rows; `columns` maps a sub-table id to its
 * column ids; `overData` is the droppable's data (`subtableId` for columns and zones).
 */
export function dropHintAt(
  overId: string,
  rect: Rect,
  point: Point,
  rows: readonly CanvasRow[],
  columns: (subtableId: string) => string[],
  overData?: { subtableId?: string },
): DropHint | undefined {
  if (overId === dropIds.end) return { target: { kind: 'row', index: rows.length }, anchor: overId, side: 'inside' };
  if (overId.startsWith('sub:')) {
    const subtableId = overId.slice(4);
    return {
      target: { kind: 'column', subtableId, index: columns(subtableId).length },
      anchor: overId,
      side: 'inside',
    };
  }
  if (overId.startsWith('col:')) {
    const columnId = overId.slice(4);
    const subtableId = overData?.subtableId ?? '';
    const ids = columns(subtableId);
    const after = point.x > rect.left + rect.width / 2;
    const index = ids.indexOf(columnId) + (after ? 1 : 0);
    return { target: { kind: 'column', subtableId, index }, anchor: overId, side: after ? 'right' : 'left' };
  }
  if (!overId.startsWith('drop:')) return undefined;
  const fieldId = overId.slice(5);
  const rowIndex = rows.findIndex((r) => r.fields.includes(fieldId));
  if (rowIndex < 0) return undefined;
  const relX = rect.width > 0 ? (point.x - rect.left) / rect.width : 0.5;
  if (relX < SIDE_ZONE) return { target: { kind: 'beside', fieldId, side: 'left' }, anchor: overId, side: 'left' };
  if (relX > 1 - SIDE_ZONE)
    return { target: { kind: 'beside', fieldId, side: 'right' }, anchor: overId, side: 'right' };
  const below = point.y > rect.top + rect.height / 2;
  return {
    target: { kind: 'row', index: rowIndex + (below ? 1 : 0) },
    anchor: overId,
    side: below ? 'bottom' : 'top',
  };
}
