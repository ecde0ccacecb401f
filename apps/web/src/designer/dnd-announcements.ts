import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { FormDef } from '@formflow/schema';
import { localized } from '../ui/localized.js';
import { findField } from './field-tree.js';

type T = (key: string, options?: Record<string, unknown>) => string;
type Id = string | number;

/** What a draggable id (`palette:<type>`, `field:<id>`) is called for a screen reader. */
export function dragName(id: Id, form: FormDef, t: T): string {
  const s = String(id);
  if (s.startsWith('palette:')) return t('dnd.newField', { type: t(`types.${s.slice(8)}`) });
  if (s.startsWith('field:')) return fieldName(s.slice(6), form, t);
  return s;
}

function fieldName(id: string, form: FormDef, t: T): string {
  const field = findField(form, id)?.field;
  return field ? t('dnd.field', { name: localized(field.label) || t(`types.${field.type}`) }) : id;
}

/** What a droppable id (`drop:`, `col:`, `sub:`, `end`) is called for a screen reader. */
export function dropName(id: Id, form: FormDef, t: T): string {
  const s = String(id);
  if (s === 'end') return t('dnd.end');
  if (s.startsWith('drop:') || s.startsWith('col:')) return fieldName(s.slice(s.indexOf(':') + 1), form, t);
  if (s.startsWith('sub:')) return t('dnd.subtable', { name: fieldName(s.slice(4), form, t) });
  return s;
}

/** Localised drag-and-drop announcements and instructions for the designer's DndContext. */
export function designerAccessibility(
  t: T,
  form: () => FormDef,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const item = (id: Id) => dragName(id, form(), t);
  const target = (id: Id) => dropName(id, form(), t);
  return {
    screenReaderInstructions: { draggable: t('dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('dnd.start', { item: item(active.id) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('dnd.over', { item: item(active.id), target: target(over.id) })
          : t('dnd.outside', { item: item(active.id) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', { item: item(active.id), target: target(over.id) })
          : t('dnd.droppedNowhere', { item: item(active.id) }),
      onDragCancel: ({ active }) => t('dnd.cancelled', { item: item(active.id) }),
    },
  };
}
