import { checkSort, FilterError, type FieldRegistry } from '@formflow/engine';
import type { FieldDef, FormDef, SortSpec } from '@formflow/schema';
import { instantOf } from './datetime-sql.js';
import { nonEmptySql } from './empty-sql.js';
import { QueryError } from './query-error.js';
import { sql, type Sql } from './sql-fragment.js';
import { extractOf, fieldRef, typeOf } from './value-ref.js';

export type SortKeySql = { key: Sql; direction: 'asc' | 'desc' };

const NUMERIC = new Set(['number', 'money', 'percent', 'rating', 'rollup']);
const FOLDED_TEXT = new Set(['text', 'textarea', 'email', 'url']);
const INSTANT = new Set(['datetime', 'createdAt', 'updatedAt']);
const REFERENCE = new Set(['member', 'department', 'relation', 'createdBy']);

function optionIds(field: FieldDef): string[] {
  const options = field.settings?.['options'];
  if (!Array.isArray(options)) return [];
  return options
    .map((o: unknown) => (typeof o === 'object' && o !== null ? (o as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
}

/**
 * SQL for the field type's `sortKey` (NULL where the engine's key is null, including every empty value):
 * numbers; dates as text; date-times as instant ms (the same order as the engine's ISO strings); text folded (the
 * shadow); phone as stored; select options by their position in settings (unknown ids after all options); booleans
 * as 0/1; member/department/relation ids folded and joined. Other types are refused (NOT_TRANSLATABLE).
 */
function keyOf(field: FieldDef): Sql {
  const ref = fieldRef(field.id);
  const t = typeOf(ref);
  const x = extractOf(ref);
  const ne = nonEmptySql(ref);
  const type = field.type === 'formula' ? formulaType(field) : field.type;
  if (NUMERIC.has(type)) return { sql: `(CASE WHEN ${t} IN ('integer', 'real') THEN ${x} END)`, params: [] };
  if (type === 'date' || type === 'phone')
    return { sql: `(CASE WHEN ${t} = 'text' AND ${ne} THEN ${x} END)`, params: [] };
  if (FOLDED_TEXT.has(type)) return { sql: `(CASE WHEN ${t} = 'text' AND ${ne} THEN ${ref.folded} END)`, params: [] };
  if (INSTANT.has(type)) return { sql: instantOf(ref), params: [] };
  if (type === 'boolean') return { sql: `(CASE ${t} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`, params: [] };
  if (type === 'select') {
    const ids = optionIds(field);
    const whens = ids.map((id, i) => sql` WHEN ${{ sql: '?', params: [id] }} THEN ${String(i)}`);
    return sql`(CASE WHEN ${t} = 'text' AND ${ne} THEN (CASE ${x}${{ sql: whens.map((w) => w.sql).join(''), params: whens.flatMap((w) => w.params) }} ELSE ${String(ids.length)} END) END)`;
  }
  if (REFERENCE.has(type)) {
    return {
      sql: `(CASE WHEN ${ne} THEN (CASE ${t} WHEN 'text' THEN ${ref.folded} WHEN 'array' THEN replace(${ref.folded}, char(31), ',') END) END)`,
      params: [],
    };
  }
  throw new QueryError('NOT_TRANSLATABLE', `sorting by a ${field.type} field is not available in SQL`);
}

function formulaType(field: FieldDef): string {
  const r = field.settings?.['resultType'];
  return r === 'text' ? 'text' : r === 'date' ? 'date' : r === 'boolean' ? 'boolean' : 'number';
}

/** Checks a sort with the engine's checkSort (throwing its FilterError) and returns one SQL key per sort spec. */
export function sortKeysSql(
  sort: readonly SortSpec[],
  form: FormDef,
  registry: FieldRegistry,
  readableFieldIds?: ReadonlySet<string>,
): SortKeySql[] {
  const problems = checkSort(sort, form, registry, { readableFieldIds });
  if (problems.length > 0) throw new FilterError(problems);
  return sort.map((spec) => {
    const field = form.fields.find((f) => f.id === spec.field && f.deleted !== true);
    if (!field) throw new QueryError('INVALID_FIELD_ID', `unknown field ${JSON.stringify(spec.field)}`);
    return { key: keyOf(field), direction: spec.direction };
  });
}
