import type { FieldDef, FormDef, LayoutRow, LogicRule } from '@formflow/schema';
import { SUBTABLE_EXCLUDED_TYPES } from '@formflow/schema';
import { columnsOf, findField, withColumns } from './field-tree.js';
import { newId } from './new-id.js';

/** At most this many fields side by side (FormDef.layout). */
export const MAX_ROW_FIELDS = 4;

/** A canvas row: one field (full width) or a layout row of 2–4 fields. `layout` rows keep their stored id. */
export type CanvasRow = { id: string; fields: string[]; layout: boolean };

/** Where a dragged field lands. `row`: a new full-width row before canvas row `index` (rows.length = the end). */
export type DropTarget =
  | { kind: 'row'; index: number }
  | { kind: 'beside'; fieldId: string; side: 'left' | 'right' }
  | { kind: 'column'; subtableId: string; index: number };

/**
 * The canvas rows of a form: fields in order, a layout row shown where its first field stands, fields in no row on
 * a row of their own. Deleted fields are left out.
 */
export function canvasRows(form: FormDef): CanvasRow[] {
  const live = new Set(form.fields.filter((f) => !f.deleted).map((f) => f.id));
  const rowOf = new Map<string, LayoutRow>();
  for (const row of form.layout ?? []) for (const id of row.fields) if (!rowOf.has(id)) rowOf.set(id, row);
  const emitted = new Set<string>();
  const placed = new Set<string>();
  const rows: CanvasRow[] = [];
  for (const field of form.fields) {
    if (!live.has(field.id) || placed.has(field.id)) continue;
    const row = rowOf.get(field.id);
    if (row && !emitted.has(row.id)) {
      emitted.add(row.id);
      const ids = row.fields.filter((id) => live.has(id) && !placed.has(id));
      ids.forEach((id) => placed.add(id));
      if (ids.length > 1) rows.push({ id: row.id, fields: ids, layout: true });
      else if (ids.length === 1) rows.push({ id: ids[0]!, fields: ids, layout: false });
      continue;
    }
    placed.add(field.id);
    rows.push({ id: field.id, fields: [field.id], layout: false });
  }
  return rows;
}

/** Writes canvas rows back: fields in row order (deleted fields after), layout rows for rows of 2+ fields. */
export function applyRows(form: FormDef, rows: readonly CanvasRow[]): FormDef {
  const byId = new Map(form.fields.map((f) => [f.id, f]));
  const ordered: FieldDef[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const id of row.fields) {
      const field = byId.get(id);
      if (field && !seen.has(id)) {
        ordered.push(field);
        seen.add(id);
      }
    }
  }
  for (const field of form.fields) if (!seen.has(field.id)) ordered.push(field);
  const layout = rows
    .filter((row) => row.fields.length > 1)
    .map((row) => ({ id: row.layout ? row.id : newId('row_'), fields: [...row.fields] }));
  const next: FormDef = { ...form, fields: ordered };
  if (layout.length > 0) next.layout = layout;
  else delete next.layout;
  return next;
}

const HOLE = '\u0000hole';

/** Rows with `fieldId` placed at `target` (a `row` or `beside` target). A full row takes the field after it. */
export function placeInRows(rows: readonly CanvasRow[], fieldId: string, target: DropTarget): CanvasRow[] {
  const next = rows.map((r) => ({ ...r, fields: [...r.fields] }));
  if (target.kind === 'beside') {
    const index = next.findIndex((r) => r.fields.includes(target.fieldId));
    const row = next[index];
    if (row && row.fields.filter((id) => id !== HOLE).length < MAX_ROW_FIELDS) {
      const at = row.fields.indexOf(target.fieldId) + (target.side === 'right' ? 1 : 0);
      row.fields.splice(at, 0, fieldId);
      return next;
    }
    const after = index < 0 ? next.length : index + (target.side === 'right' ? 1 : 0);
    next.splice(after, 0, { id: fieldId, fields: [fieldId], layout: false });
    return next;
  }
  if (target.kind === 'row') {
    const at = Math.max(0, Math.min(target.index, next.length));
    next.splice(at, 0, { id: fieldId, fields: [fieldId], layout: false });
  }
  return next;
}

/** Rows without `fieldId`; a row left with one field becomes a plain row, an empty one goes. */
export function removeFromRows(rows: readonly CanvasRow[], fieldId: string): CanvasRow[] {
  const out: CanvasRow[] = [];
  for (const row of rows) {
    const fields = row.fields.filter((id) => id !== fieldId);
    if (fields.length === 0) continue;
    if (fields.length === 1 && row.fields.length > 1) out.push({ id: fields[0]!, fields, layout: false });
    else out.push(fields.length === row.fields.length ? row : { ...row, fields });
  }
  return out;
}

/** Whether a field type may be a sub-table column. */
export function canBeColumn(type: FieldDef['type']): boolean {
  return !SUBTABLE_EXCLUDED_TYPES.includes(type);
}

/** Takes a field out of wherever it is (top level with its layout slot, or a sub-table). */
function detach(form: FormDef, fieldId: string): { form: FormDef; field?: FieldDef } {
  const place = findField(form, fieldId);
  if (!place) return { form };
  if (place.parent) {
    const parent = place.parent;
    const fields = form.fields.map((f) =>
      f.id === parent.id
        ? withColumns(
            f,
            columnsOf(f).filter((c) => c.id !== fieldId),
          )
        : f,
    );
    return { form: { ...form, fields }, field: place.field };
  }
  return { form: form, field: place.field };
}

/** Puts `field` at `target`. `rowsBefore` are the canvas rows the target indexes refer to (a hole marks the source). */
function attach(form: FormDef, field: FieldDef, target: DropTarget, rowsBefore: CanvasRow[]): FormDef {
  if (target.kind === 'column') {
    const fields = form.fields.map((f) => {
      if (f.id !== target.subtableId) return f;
      const columns = columnsOf(f).filter((c) => c.id !== field.id);
      const at = Math.max(0, Math.min(target.index, columns.length));
      columns.splice(at, 0, field);
      return withColumns(f, columns);
    });
    return { ...form, fields };
  }
  const withField = form.fields.some((f) => f.id === field.id) ? form : { ...form, fields: [...form.fields, field] };
  const placed = placeInRows(rowsBefore, field.id, target);
  return applyRows(withField, removeFromRows(placed, HOLE));
}

/** Whether `target` can take field `field` (a sub-table takes no sub-table, layout or system field, nor itself). */
export function acceptsDrop(form: FormDef, field: Pick<FieldDef, 'id' | 'type'>, target: DropTarget): boolean {
  if (target.kind !== 'column') return true;
  if (target.subtableId === field.id || !canBeColumn(field.type)) return false;
  return form.fields.some((f) => f.id === target.subtableId && f.type === 'subtable');
}

/** A new field placed at `target`. */
export function insertField(form: FormDef, field: FieldDef, target: DropTarget): FormDef {
  if (!acceptsDrop(form, field, target)) return form;
  return attach(form, field, target, canvasRows(form));
}

/** Moves an existing field (top level or column) to `target`; the form unchanged when the drop is not allowed. */
export function moveField(form: FormDef, fieldId: string, target: DropTarget): FormDef {
  const place = findField(form, fieldId);
  if (!place || !acceptsDrop(form, place.field, target)) return form;
  if (target.kind === 'beside' && target.fieldId === fieldId) return form;
  // Mark the source with a hole so that target indexes keep meaning what the user saw while dragging.
  const rows = canvasRows(form).map((r) => ({ ...r, fields: r.fields.map((id) => (id === fieldId ? HOLE : id)) }));
  const { form: without, field } = detach(form, fieldId);
  if (!field) return form;
  if (target.kind === 'column') {
    const fromTop = !place.parent;
    const base = fromTop
      ? applyRows({ ...without, fields: without.fields.filter((f) => f.id !== fieldId) }, removeFromRows(rows, HOLE))
      : without;
    let index = target.index;
    if (place.parent?.id === target.subtableId) {
      const old = columnsOf(place.parent).findIndex((c) => c.id === fieldId);
      if (old < index) index -= 1;
    }
    return attach(base, field, { ...target, index }, []);
  }
  return attach(without, field, target, rows);
}

/**
 * Removes a field for good (one never published): from the fields or its sub-table, from layout rows, from the
 * targets of logic rules (a rule left without targets goes).
 */
export function removeField(form: FormDef, fieldId: string): FormDef {
  const place = findField(form, fieldId);
  if (!place) return form;
  let next = place.parent
    ? detach(form, fieldId).form
    : applyRows(
        { ...form, fields: form.fields.filter((f) => f.id !== fieldId) },
        removeFromRows(canvasRows(form), fieldId),
      );
  if (next.logic) {
    const logic = next.logic.flatMap((rule): LogicRule[] => {
      if (rule.kind === 'assign') return rule.field === fieldId ? [] : [rule];
      if (!rule.fields) return [rule];
      const fields = rule.fields.filter((id) => id !== fieldId);
      if (fields.length === 0 && rule.kind !== 'validate') return [];
      return [{ ...rule, fields }];
    });
    next = { ...next, logic };
  }
  return next;
}

/** The form with `fieldId` out of layout rows (a deleted field cannot stay in a row). */
export function unplace(form: FormDef, fieldId: string): FormDef {
  if (!(form.layout ?? []).some((r) => r.fields.includes(fieldId))) return form;
  return applyRows(form, removeFromRows(canvasRows(form), fieldId));
}
