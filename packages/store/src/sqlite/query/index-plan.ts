import { createHash } from 'node:crypto';
import { fieldKind } from '@formflow/engine';
import type { FieldDef, FormDef } from '@formflow/schema';
import { idKeyOf, numberKeyOf, textKeyOf } from './index-keys.js';
import { QueryError } from './query-error.js';
import { formIdLiteral } from './sql-ident.js';
import { extractOf, fieldRef } from './value-ref.js';

/**
 * The key a single field is found by (the prefilters' keys, prefilter-sql.ts), over unqualified columns: the id key
 * of single-valued id fields (with the order tag of the queries it serves), numbers, non-blank dates, the folded
 * shadow of text; the raw value otherwise.
 */
export function fieldIndexKey(field: FieldDef, idKeyTag = 0): string {
  const ref = fieldRef(field.id, '');
  switch (fieldKind(field)) {
    case 'option':
    case 'ref':
      return idKeyOf(ref, idKeyTag);
    case 'number':
      return numberKeyOf(ref);
    case 'date':
      return textKeyOf(ref);
    case 'text':
      return ref.folded ?? extractOf(ref);
    default:
      return extractOf(ref);
  }
}

/**
 * `CREATE INDEX IF NOT EXISTS` statements, one single-field partial index per (form, field) on `(workspace_id, key)`
 * where `form_id = '<form>'` (fieldIndexKey; the form id is a literal after passing the id pattern, since index
 * definitions take no parameters). Names are `rec_` + a hash of form, field and key, stable across runs. Sub-table
 * columns get no index. The IndexManager (packages/store/src/indexes) plans composite ones from a form's views.
 */
export function indexPlan(form: FormDef, fieldIds: readonly string[]): string[] {
  const formId = formIdLiteral(form.id);
  return [...new Set(fieldIds)].map((id) => {
    const field = form.fields.find((f) => f.id === id && f.deleted !== true);
    if (!field) throw new QueryError('INVALID_FIELD_ID', `unknown field ${JSON.stringify(id)}`);
    const key = fieldIndexKey(field);
    const name = `rec_${createHash('sha256').update(`${form.id}\u0000${id}\u0000${key}`).digest('hex').slice(0, 20)}`;
    return `CREATE INDEX IF NOT EXISTS ${name} ON records (workspace_id, ${key}) WHERE form_id = ${formId}`;
  });
}
