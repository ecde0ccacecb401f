import type { FieldDef, FormDef } from '@formflow/schema';

export type LayoutBlock = { kind: 'field'; field: FieldDef } | { kind: 'row'; id: string; fields: FieldDef[] };

/**
 * The form's fields in order, grouped into its layout rows (`FormDef.layout`): a row appears where its first field
 * would; fields in no row (or alone in one) take a full row. Deleted fields and unknown ids are skipped.
 */
export function layoutBlocks(form: FormDef): LayoutBlock[] {
  const live = new Map(form.fields.filter((f) => !f.deleted).map((f) => [f.id, f]));
  const rowOf = new Map<string, { id: string; fields: FieldDef[] }>();
  for (const row of form.layout ?? []) {
    const fields = row.fields.map((id) => live.get(id)).filter((f): f is FieldDef => f !== undefined);
    const unique = fields.filter((f, i) => fields.indexOf(f) === i && !rowOf.has(f.id));
    if (unique.length < 2) continue;
    const block = { id: row.id, fields: unique };
    for (const f of unique) rowOf.set(f.id, block);
  }
  const blocks: LayoutBlock[] = [];
  const emitted = new Set<string>();
  for (const field of live.values()) {
    const row = rowOf.get(field.id);
    if (!row) blocks.push({ kind: 'field', field });
    else if (!emitted.has(row.id)) {
      emitted.add(row.id);
      blocks.push({ kind: 'row', id: row.id, fields: row.fields });
    }
  }
  return blocks;
}
