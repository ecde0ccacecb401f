import { createHash } from 'node:crypto';
import type { FormDef } from '@formflow/schema';
import { QueryError } from './query-error.js';
import { formIdLiteral, jsonPath } from './sql-ident.js';

/**
 * `CREATE INDEX IF NOT EXISTS` statements for the fields views filter, sort or group on (DESIGN §6): one partial
 * expression index per (form, field) on `(workspace_id, json_extract(data, '$."f"'))` where `form_id = '<form>'`.
 * SQLite allows no parameters in index definitions, so the form id is written as a literal after passing the id
 * pattern. Names are `rec_` + a hash of form and field, stable across runs. Sub-table columns get no index.
 */
export function indexPlan(form: FormDef, fieldIds: readonly string[]): string[] {
  const formId = formIdLiteral(form.id);
  return [...new Set(fieldIds)].map((id) => {
    if (!form.fields.some((f) => f.id === id && f.deleted !== true)) {
      throw new QueryError('INVALID_FIELD_ID', `unknown field ${JSON.stringify(id)}`);
    }
    const path = jsonPath(id);
    const name = `rec_${createHash('sha256').update(`${form.id}\u0000${id}`).digest('hex').slice(0, 20)}`;
    return `CREATE INDEX IF NOT EXISTS ${name} ON records (workspace_id, json_extract(data, ${path})) WHERE form_id = ${formId}`;
  });
}
