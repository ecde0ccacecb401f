import type { FieldDef, FormDef } from '@formflow/schema';

export type ResolvedField = { ok: true; field: FieldDef; subtable?: FieldDef } | { ok: false; reason: 'UNKNOWN_FIELD' };

function liveField(fields: unknown, id: string): FieldDef | undefined {
  if (!Array.isArray(fields)) return undefined;
  for (const f of fields as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const field = f as FieldDef;
    if (field.id === id) return field.deleted === true ? undefined : field;
  }
  return undefined;
}

/**
 * Finds the field a filter or sort names: a top-level field id, or `subtableId.columnId` for a sub-table column
 * (a column lives in the sub-table field's `settings.fields`). Soft-deleted fields and columns are unknown.
 */
export function resolveFilterField(path: string, form: FormDef): ResolvedField {
  const dot = path.indexOf('.');
  if (dot < 0) {
    const field = liveField(form.fields, path);
    return field ? { ok: true, field } : { ok: false, reason: 'UNKNOWN_FIELD' };
  }
  const subId = path.slice(0, dot);
  const colId = path.slice(dot + 1);
  const subtable = liveField(form.fields, subId);
  if (!subtable || subtable.type !== 'subtable' || colId.includes('.')) return { ok: false, reason: 'UNKNOWN_FIELD' };
  const column = liveField(subtable.settings?.['fields'], colId);
  return column ? { ok: true, field: column, subtable } : { ok: false, reason: 'UNKNOWN_FIELD' };
}
