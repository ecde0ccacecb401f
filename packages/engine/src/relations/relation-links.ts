import type { FormDef } from '@formflow/schema';
import { relationIds } from './relation-ids.js';
import { relationPlan, type RelationSlot } from './relation-plan.js';

/** One link of a record: relation slot `key` (see `RelationSlot.key`) holds record id `toRecordId`. */
export type RelationLink = { key: string; toRecordId: string };

type Row = { [column: string]: unknown };

/** The rows of a sub-table value (objects only). */
export function subtableRows(value: unknown): Row[] {
  return Array.isArray(value)
    ? value.filter((r): r is Row => r !== null && typeof r === 'object' && !Array.isArray(r))
    : [];
}

/** The record ids a slot holds in `data`: the field's ids, or for a column the ids of every row, in order, unique. */
export function slotIds(slot: RelationSlot, data: Readonly<Record<string, unknown>>): string[] {
  if (slot.subtableId === null) return relationIds(data[slot.field.id]);
  const ids = new Set<string>();
  for (const row of subtableRows(data[slot.subtableId])) for (const id of relationIds(row[slot.field.id])) ids.add(id);
  return [...ids];
}

/** Every link a record's data holds, per relation slot of its form (what the store's link index keeps). */
export function relationLinks(form: FormDef, data: Readonly<Record<string, unknown>>): RelationLink[] {
  const links: RelationLink[] = [];
  for (const slot of relationPlan(form).slots) {
    for (const toRecordId of slotIds(slot, data)) links.push({ key: slot.key, toRecordId });
  }
  return links;
}
