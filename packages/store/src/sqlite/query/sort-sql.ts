import { checkSort, FilterError, type FieldRegistry } from '@formflow/engine';
import type { FieldDef, FormDef, SortSpec } from '@formflow/schema';
import { instantOf } from './datetime-sql.js';
import { JS_WHITESPACE_SQL } from './empty-sql.js';
import { foldedKeyOf, numberKeyOf, textKeyOf } from './index-keys.js';
import { QueryError } from './query-error.js';
import { join, sql, type Sql } from './sql-fragment.js';
import { extractOf, fieldRef, typeOf, type ValueRef } from './value-ref.js';

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

const SAFE_OPTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * SQL for the field type's `sortKey` over `ref` (NULL where the engine's key is null, including every empty value):
 * numbers; dates as text; date-times as instant ms (the same order as the engine's ISO strings); text folded (the
 * shadow); phone as stored; select options by their position in settings (unknown ids after all options); booleans
 * as 0/1; member/department/relation ids folded and joined. Other types are refused (NOT_TRANSLATABLE). Every key but
 * the date-time one is free of sub-queries and, when the option ids are plain (`[A-Za-z0-9_-]`, written as
 * literals), of parameters: it can be an index column (IndexManager).
 */
export function sortKeyOf(field: FieldDef, ref: ValueRef = fieldRef(field.id)): Sql {
  const t = typeOf(ref);
  const x = extractOf(ref);
  const type = field.type === 'formula' ? formulaType(field) : field.type;
  if (NUMERIC.has(type)) return { sql: numberKeyOf(ref), params: [] };
  if (type === 'date' || type === 'phone') return { sql: textKeyOf(ref), params: [] };
  if (FOLDED_TEXT.has(type)) return { sql: foldedKeyOf(ref, ref.folded ?? 'NULL'), params: [] };
  if (INSTANT.has(type)) return { sql: instantOf(ref), params: [] };
  if (type === 'boolean') return { sql: `(CASE ${t} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`, params: [] };
  if (type === 'select') {
    const ids = optionIds(field);
    const literal = ids.every((id) => SAFE_OPTION_ID.test(id));
    const whens = ids.map((id, i) => sql` WHEN ${literal ? `'${id}'` : { sql: '?', params: [id] }} THEN ${String(i)}`);
    const position = sql`(CASE ${x}${join(whens, '')} ELSE ${String(ids.length)} END)`;
    return sql`(CASE WHEN ${t} = 'text' AND trim(${x}, ${JS_WHITESPACE_SQL}) <> '' THEN ${position} END)`;
  }
  if (REFERENCE.has(type)) {
    const folded = ref.folded ?? 'NULL';
    return {
      sql:
        `(CASE ${t} WHEN 'text' THEN (CASE WHEN trim(${x}, ${JS_WHITESPACE_SQL}) <> '' THEN ${folded} END)` +
        ` WHEN 'array' THEN (CASE WHEN json_array_length(${ref.doc}, ${ref.path}) > 0` +
        ` THEN replace(${folded}, char(31), ',') END) END)`,
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
    return { key: sortKeyOf(field), direction: spec.direction };
  });
}
