import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';

/** The columns of a sub-table field (its `settings.fields`), or [] for other types. */
export function columnsOf(field: FieldDef): FieldDef[] {
  if (field.type !== 'subtable') return [];
  const columns = field.settings?.['fields'];
  return Array.isArray(columns) ? (columns as unknown as FieldDef[]) : [];
}

/** The sub-table with its columns replaced. */
export function withColumns(subtable: FieldDef, columns: FieldDef[]): FieldDef {
  return { ...subtable, settings: { ...subtable.settings, fields: columns as unknown as JsonValue } };
}

export type FieldPlace = { field: FieldDef; parent?: FieldDef };

/** Finds a field at the top level or as a sub-table column. */
export function findField(form: FormDef, id: string): FieldPlace | undefined {
  for (const field of form.fields) {
    if (field.id === id) return { field };
    for (const column of columnsOf(field)) if (column.id === id) return { field: column, parent: field };
  }
  return undefined;
}

/** Every field, top level then its columns, each with its sub-table parent. */
export function allFields(form: FormDef): FieldPlace[] {
  const out: FieldPlace[] = [];
  for (const field of form.fields) {
    out.push({ field });
    for (const column of columnsOf(field)) out.push({ field: column, parent: field });
  }
  return out;
}

/** Every field id in use (top level and columns). */
export function fieldIds(form: FormDef): Set<string> {
  return new Set(allFields(form).map((p) => p.field.id));
}

/** The form with one field (top level or column) replaced by `update(field)`; other fields keep their identity. */
export function updateField(form: FormDef, id: string, update: (field: FieldDef) => FieldDef): FormDef {
  let changed = false;
  const fields = form.fields.map((field) => {
    if (field.id === id) {
      changed = true;
      return update(field);
    }
    const columns = columnsOf(field);
    if (!columns.some((c) => c.id === id)) return field;
    changed = true;
    return withColumns(
      field,
      columns.map((c) => (c.id === id ? update(c) : c)),
    );
  });
  return changed ? { ...form, fields } : form;
}
