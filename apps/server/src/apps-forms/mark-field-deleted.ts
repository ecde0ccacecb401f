import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';

function mark(field: FieldDef, deleted: boolean): FieldDef {
  if (deleted) return { ...field, deleted: true };
  const { deleted: _flag, ...rest } = field;
  return rest;
}

/**
 * The definition with field `fieldId` (top level or a sub-table column) marked `deleted: true`, or restored (the
 * flag removed). Undefined when no field has that id. Values in records are never touched (DESIGN §3).
 */
export function markFieldDeleted(form: FormDef, fieldId: string, deleted: boolean): FormDef | undefined {
  let found = false;
  const fields = form.fields.map((field) => {
    if (field.id === fieldId) {
      found = true;
      return mark(field, deleted);
    }
    const columns = field.type === 'subtable' ? field.settings?.['fields'] : undefined;
    if (!Array.isArray(columns)) return field;
    const typed = columns as unknown as FieldDef[];
    if (!typed.some((c) => c.id === fieldId)) return field;
    found = true;
    const next = typed.map((c) => (c.id === fieldId ? mark(c, deleted) : c));
    return { ...field, settings: { ...field.settings, fields: next as unknown as JsonValue } };
  });
  return found ? { ...form, fields } : undefined;
}
