import type { FieldDef, FormDef, JsonValue, SortSpec } from '@formflow/schema';
import type { FieldRegistry } from '../fields/registry.js';
import { checkSort } from './check-sort.js';
import { compareSortKeys, type SortKey } from './compare-sort-keys.js';
import { FilterError } from './filter-error.js';
import { isEmptyValue } from '../values/is-empty-value.js';
import { ownValue } from './own-value.js';
import { resolveFilterField } from './resolve-filter-field.js';
import type { RecordData } from './types.js';

type Comparator = (a: RecordData, b: RecordData) => number;

function keyOf(field: FieldDef, registry: FieldRegistry): (data: RecordData) => SortKey {
  const def = registry.get(field.type);
  const id = field.id;
  return (data) => {
    const value = ownValue(data, id);
    if (isEmptyValue(value)) return null;
    const key = def.sortKey(value as JsonValue, field);
    return typeof key === 'number' && Number.isNaN(key) ? null : key;
  };
}

/**
 * Checks a sort (throwing `FilterError` if it fails) and compiles it into a comparator over record data, using each
 * field type's `sortKey`. Empty values and null keys sort last in both directions; records equal on every key
 * compare 0, so a stable sort (Array.prototype.sort) keeps their order.
 */
export function compileSort(sort: readonly SortSpec[], form: FormDef, registry: FieldRegistry): Comparator {
  const problems = checkSort(sort, form, registry);
  if (problems.length > 0) throw new FilterError(problems);
  const parts = sort.map((spec) => {
    const resolved = resolveFilterField(spec.field, form);
    if (!resolved.ok) throw new Error(`compileSort: unknown field ${spec.field}`);
    return { key: keyOf(resolved.field, registry), sign: spec.direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { key, sign } of parts) {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        if (ka === kb) continue;
        return ka === null ? 1 : -1;
      }
      const c = compareSortKeys(ka, kb);
      if (c !== 0) return sign * c;
    }
    return 0;
  };
}
