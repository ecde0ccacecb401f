import { formatPath, localize, type FormDef, type Problem } from '@formflow/schema';
import type { FieldRegistry } from '../fields/registry.js';
import { fieldKind } from './field-kind.js';
import { resolveFilterField } from './resolve-filter-field.js';
import type { CheckSortOptions } from './types.js';

export const MAX_SORT_KEYS = 5;
const SORT_KEYS: ReadonlySet<string> = new Set(['field', 'direction']);

function shown(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

function checkSpec(
  spec: unknown,
  i: number,
  form: FormDef,
  registry: FieldRegistry,
  options: CheckSortOptions,
): Problem[] {
  const at = (...rest: string[]) => formatPath([i, ...rest]);
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    return [{ path: at(), code: 'INVALID_SORT', message: 'A sort key must be { field, direction }.' }];
  }
  const record = spec as Record<string, unknown>;
  const out: Problem[] = Object.keys(record)
    .filter((k) => !SORT_KEYS.has(k))
    .map((k) => ({ path: at(k), code: 'INVALID_SORT', message: `Unknown key ${shown(k)} in a sort key.` }));
  const { field: fieldPath, direction } = record;
  if (direction !== 'asc' && direction !== 'desc') {
    out.push({ path: at('direction'), code: 'INVALID_SORT', message: 'The direction must be "asc" or "desc".' });
  }
  if (typeof fieldPath !== 'string' || fieldPath === '') {
    out.push({ path: at('field'), code: 'INVALID_SORT', message: 'A sort key needs a field id.' });
    return out;
  }
  const resolved = resolveFilterField(fieldPath, form);
  if (!resolved.ok) {
    out.push({ path: at('field'), code: 'UNKNOWN_FIELD', message: `Unknown field ${shown(fieldPath)}.` });
    return out;
  }
  const { field, subtable } = resolved;
  if (options.readableFieldIds && !options.readableFieldIds.has(subtable ? subtable.id : field.id)) {
    out.push({
      path: at('field'),
      code: 'FIELD_NOT_READABLE',
      message: `You may not read the field ${shown(fieldPath)}.`,
    });
    return out;
  }
  if (subtable || field.type === 'subtable' || fieldKind(field) === 'layout' || !registry.has(field.type)) {
    const label = localize(field.label, 'en') || field.id;
    out.push({
      path: at('field'),
      code: 'FIELD_NOT_SORTABLE',
      message: `Records cannot be sorted by the field "${label}" (${subtable ? 'sub-table column' : field.type}).`,
      params: { field: fieldPath, label, type: field.type },
    });
  }
  return out;
}

/**
 * Checks a sort (parsed JSON of unknown shape): a list of at most 5 `{ field, direction }` with a known, readable,
 * sortable field (not layout, not a sub-table or one of its columns), each field once.
 */
export function checkSort(
  sort: unknown,
  form: FormDef,
  registry: FieldRegistry,
  options: CheckSortOptions = {},
): Problem[] {
  if (!Array.isArray(sort)) return [{ path: '', code: 'INVALID_SORT', message: 'A sort must be a list of sort keys.' }];
  if (sort.length > MAX_SORT_KEYS) {
    return [
      {
        path: '',
        code: 'TOO_MANY_SORT_KEYS',
        message: `Records can be sorted by at most ${MAX_SORT_KEYS} fields.`,
        params: { max: MAX_SORT_KEYS },
      },
    ];
  }
  const out: Problem[] = [];
  const seen = new Set<unknown>();
  sort.forEach((spec: unknown, i) => {
    out.push(...checkSpec(spec, i, form, registry, options));
    const field = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>)['field'] : undefined;
    if (typeof field === 'string' && seen.has(field)) {
      out.push({
        path: formatPath([i, 'field']),
        code: 'INVALID_SORT',
        message: `The field ${shown(field)} is sorted twice.`,
      });
    }
    seen.add(field);
  });
  return out;
}
