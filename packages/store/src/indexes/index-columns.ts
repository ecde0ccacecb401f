import { fieldKind } from '@formflow/engine';
import type { FieldDef, FilterNode, FormDef, SortSpec } from '@formflow/schema';
import { groupKeySql } from '../sqlite/query/bucket-sql.js';
import { numberKeyOf, presentKeyOf } from '../sqlite/query/index-keys.js';
import { fieldIndexKey } from '../sqlite/query/index-plan.js';
import { sortKeyOf } from '../sqlite/query/sort-sql.js';
import { fieldRef } from '../sqlite/query/value-ref.js';

/*
 * Index columns over unqualified `data`/`search`, written exactly as the query builders write the same keys over
 * `r.` (packages/store/src/sqlite/query/index-keys.ts), so SQLite matches the queries' terms to them.
 */

export function liveField(form: FormDef, id: string): FieldDef | undefined {
  return form.fields.find((f) => f.id === id && f.deleted !== true);
}

/** Operators whose prefilter is an equality (or IN) on the field's key (prefilter-sql.ts). */
const EQUALITY_OPS: Readonly<Record<string, ReadonlySet<string>>> = {
  option: new Set(['eq', 'in', 'hasAny', 'hasAll', 'contains', 'isCurrentMember', 'isCurrentDepartment']),
  ref: new Set(['eq', 'in', 'hasAny', 'hasAll', 'contains', 'isCurrentMember', 'isCurrentDepartment']),
  number: new Set(['eq', 'in']),
  date: new Set(['eq', 'in']),
  text: new Set(['eq', 'in']),
};

/** Whether an `eq` condition on the field seeks its index key by equality. */
export function seeksByEquality(field: FieldDef): boolean {
  return EQUALITY_OPS[fieldKind(field)]?.has('eq') === true;
}

/** Fields of the top-level AND conditions of a filter that seek by equality (the index's leading columns). */
export function equalityFields(filter: FilterNode | undefined, form: FormDef): FieldDef[] {
  const found: FieldDef[] = [];
  const visit = (node: FilterNode): void => {
    if ('and' in node) node.and.forEach(visit);
    else if ('field' in node) {
      const field = liveField(form, node.field);
      if (field && EQUALITY_OPS[fieldKind(field)]?.has(node.op) && !found.includes(field)) found.push(field);
    }
  };
  if (filter) visit(filter);
  return found;
}

/** The equality key column of a field (the prefilter's key; id keys carry the order tag of the queries served). */
export function equalityColumn(field: FieldDef, idKeyTag: number): string {
  return fieldIndexKey(field, idKeyTag);
}

/** A sort key that can be an index column: no parameters, no sub-query (date-times are neither). */
function indexableSortKey(field: FieldDef): string | undefined {
  try {
    const key = sortKeyOf(field, fieldRef(field.id, ''));
    return key.params.length === 0 && !/\bSELECT\b/i.test(key.sql) ? key.sql : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `(k IS NULL), k [DESC]` per sort key, as the list query orders (nulls last both ways), for the leading sort keys
 * that can be indexed; then `id`, the query's last order term.
 */
export function sortColumns(sort: readonly SortSpec[] | undefined, form: FormDef): string[] {
  const columns: string[] = [];
  for (const spec of sort ?? []) {
    const field = liveField(form, spec.field);
    const key = field && indexableSortKey(field);
    if (!key) return [...columns, 'id'];
    columns.push(`(${key} IS NULL)`, spec.direction === 'desc' ? `${key} DESC` : key);
  }
  return [...columns, 'id'];
}

/** The group key column of a field (no bucket), or undefined when records cannot be grouped by it. */
export function groupColumn(field: FieldDef): string | undefined {
  try {
    const ctx = { now: new Date(0), timezone: 'UTC' };
    const key = groupKeySql(field, undefined, ctx, fieldRef(field.id, ''));
    return key.params.length === 0 ? key.sql : undefined;
  } catch {
    return undefined;
  }
}

/** The value column a measure aggregates (count(*) has none), or undefined when it is not one the query supports. */
export function measureColumn(agg: string, field: FieldDef | undefined): string | null | undefined {
  if (field === undefined) return agg === 'count' ? null : undefined;
  const ref = fieldRef(field.id, '');
  if (agg === 'count') return presentKeyOf(ref);
  if (['sum', 'avg', 'min', 'max'].includes(agg) && fieldKind(field) === 'number') return numberKeyOf(ref);
  return undefined;
}
