import type { FieldDef, FormDef } from '@formflow/schema';

export type FileFieldType = 'image' | 'attachment' | 'signature';

const FILE_TYPES: ReadonlySet<string> = new Set<FileFieldType>(['image', 'attachment', 'signature']);

/** A file field of a form: a top-level field (`photos`) or a sub-table column (`items.receipt`). */
export type FileField = {
  /** `field` or `subtable.column`: what `files.field_id` stores. */
  path: string;
  /** The top-level field whose permissions apply (the sub-table for a column). */
  topId: string;
  field: FieldDef & { type: FileFieldType };
};

export type FileFieldLookup =
  { ok: true; value: FileField } | { ok: false; code: 'UNKNOWN_FIELD' | 'NOT_A_FILE_FIELD' };

function live(fields: unknown, id: string): FieldDef | undefined {
  if (!Array.isArray(fields)) return undefined;
  return (fields as FieldDef[]).find((f) => typeof f === 'object' && f !== null && f.id === id && f.deleted !== true);
}

/** Finds the file field named by `path` in a form: unknown (or deleted) fields and other types are told apart. */
export function findFileField(form: FormDef, path: string): FileFieldLookup {
  const parts = path.split('.');
  if (parts.length > 2) return { ok: false, code: 'UNKNOWN_FIELD' };
  const [topId = '', columnId] = parts;
  const top = live(form.fields, topId);
  if (!top) return { ok: false, code: 'UNKNOWN_FIELD' };
  let field = top;
  if (columnId !== undefined) {
    if (top.type !== 'subtable') return { ok: false, code: 'UNKNOWN_FIELD' };
    const column = live(top.settings?.['fields'], columnId);
    if (!column) return { ok: false, code: 'UNKNOWN_FIELD' };
    field = column;
  }
  if (!FILE_TYPES.has(field.type)) return { ok: false, code: 'NOT_A_FILE_FIELD' };
  return { ok: true, value: { path, topId, field: field as FieldDef & { type: FileFieldType } } };
}

/** Every file field of a form (top-level and sub-table columns), by path. */
export function fileFieldsOf(form: FormDef): FileField[] {
  const out: FileField[] = [];
  for (const top of form.fields) {
    if (top.deleted === true) continue;
    if (FILE_TYPES.has(top.type)) {
      out.push({ path: top.id, topId: top.id, field: top as FileField['field'] });
    } else if (top.type === 'subtable' && Array.isArray(top.settings?.['fields'])) {
      for (const column of top.settings['fields'] as unknown as FieldDef[]) {
        if (column.deleted !== true && FILE_TYPES.has(column.type)) {
          out.push({ path: `${top.id}.${column.id}`, topId: top.id, field: column as FileField['field'] });
        }
      }
    }
  }
  return out;
}
