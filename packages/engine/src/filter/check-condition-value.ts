import { formatPath, type FieldDef, type FilterOperator, type Problem } from '@formflow/schema';
import { findInvalidCharacter } from '../text/index.js';
import type { FieldKind } from './field-kind.js';
import { isDateOnly } from './is-date-only.js';
import { parseInstant } from './parse-instant.js';

export const MAX_LIST_ITEMS = 500;
export const MAX_TEXT_LENGTH = 1000;
export const MAX_RELATIVE_DAYS = 3650;

type Path = readonly (string | number)[];

const NO_VALUE_OPS: ReadonlySet<FilterOperator> = new Set([
  'isEmpty',
  'isNotEmpty',
  'isToday',
  'isThisWeek',
  'isThisMonth',
  'isCurrentMember',
  'isCurrentDepartment',
]);
const LIST_OPS: ReadonlySet<FilterOperator> = new Set(['in', 'notIn', 'hasAny', 'hasAll', 'hasNone']);
const SEARCH_OPS: ReadonlySet<FilterOperator> = new Set(['contains', 'notContains', 'startsWith', 'endsWith']);
const SET_KINDS: ReadonlySet<FieldKind> = new Set(['options', 'refs']);

function invalid(path: Path, reason: string): Problem {
  return { path: formatPath(path), code: 'INVALID_FILTER_VALUE', message: reason, params: { reason } };
}

function textProblem(value: unknown, path: Path): Problem | null {
  if (typeof value !== 'string') return invalid(path, 'The value must be a string.');
  if (value === '') return invalid(path, 'The value must not be empty; use isEmpty to find empty values.');
  if (value.length > MAX_TEXT_LENGTH) return invalid(path, `The value must be at most ${MAX_TEXT_LENGTH} characters.`);
  const bad = findInvalidCharacter(value);
  if (bad) return invalid(path, `The value holds an invalid character (${bad.reason}) at ${bad.index}.`);
  return null;
}

function optionIds(field: FieldDef): ReadonlySet<string> {
  const options = field.settings?.['options'];
  const ids = new Set<string>();
  if (Array.isArray(options)) {
    for (const o of options) {
      if (typeof o === 'object' && o !== null && !Array.isArray(o) && typeof o['id'] === 'string') ids.add(o['id']);
    }
  }
  return ids;
}

/** One scalar operand of a comparison, checked against the field's kind. */
function scalarProblem(
  value: unknown,
  kind: FieldKind,
  field: FieldDef,
  op: FilterOperator,
  path: Path,
): Problem | null {
  if (SEARCH_OPS.has(op) && kind !== 'options' && kind !== 'refs') return textProblem(value, path);
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : invalid(path, 'The value must be a finite number.');
    case 'date':
      return isDateOnly(value) ? null : invalid(path, 'The value must be a date written YYYY-MM-DD.');
    case 'datetime':
      return isDateOnly(value) || parseInstant(value) !== undefined
        ? null
        : invalid(path, 'The value must be an ISO instant with a zone (2025-03-01T08:00:00Z) or a date (YYYY-MM-DD).');
    case 'boolean':
      return typeof value === 'boolean' ? null : invalid(path, 'The value must be true or false.');
    case 'option':
    case 'options': {
      const p = textProblem(value, path);
      if (p) return p;
      if (optionIds(field).has(value as string)) return null;
      return {
        path: formatPath(path),
        code: 'UNKNOWN_OPTION',
        message: `"${(value as string).slice(0, 64)}" is not an option of this field.`,
        params: { option: (value as string).slice(0, 64) },
      };
    }
    case 'generic':
      if (typeof value === 'number') return Number.isFinite(value) ? null : invalid(path, 'The value must be finite.');
      if (typeof value === 'boolean' && op !== 'gt' && op !== 'gte' && op !== 'lt' && op !== 'lte' && op !== 'between')
        return null;
      return textProblem(value, path);
    default:
      return textProblem(value, path);
  }
}

/** A sort-of-comparable key to check that `between` bounds are in order; dates are widened to every zone's day. */
function boundKey(value: unknown, other: unknown, kind: FieldKind, side: 'min' | 'max'): number | string {
  if (kind === 'datetime' && !(isDateOnly(value) && isDateOnly(other))) {
    if (typeof value === 'string' && isDateOnly(value)) {
      const utcStart = Date.parse(`${value}T00:00:00Z`);
      return side === 'min' ? utcStart - 14 * 3_600_000 : utcStart + 36 * 3_600_000;
    }
    return parseInstant(value) ?? 0;
  }
  return value as number | string;
}

function listProblems(value: unknown, kind: FieldKind, field: FieldDef, op: FilterOperator, path: Path): Problem[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST_ITEMS) {
    return [invalid(path, `The value must be a non-empty list of at most ${MAX_LIST_ITEMS} items.`)];
  }
  const out: Problem[] = [];
  value.forEach((item: unknown, i) => {
    const p = scalarProblem(item, kind, field, op, [...path, i]);
    if (p) out.push(p);
  });
  return out;
}

/** Checks `value` of a condition whose field, kind and operator are already known to fit together. */
export function checkConditionValue(
  node: { value?: unknown },
  op: FilterOperator,
  field: FieldDef,
  kind: FieldKind,
  nodePath: Path,
): Problem[] {
  const path = [...nodePath, 'value'];
  const value = node.value;
  if (NO_VALUE_OPS.has(op)) {
    return value === undefined || value === null ? [] : [invalid(path, `The operator ${op} takes no value.`)];
  }
  if (op === 'withinLastDays' || op === 'withinNextDays') {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RELATIVE_DAYS
      ? []
      : [invalid(path, `The value must be a whole number of days from 1 to ${MAX_RELATIVE_DAYS}.`)];
  }
  if (LIST_OPS.has(op) || ((op === 'eq' || op === 'neq') && SET_KINDS.has(kind) && Array.isArray(value))) {
    return listProblems(value, kind, field, op, path);
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return [invalid(path, 'The value must be a list [min, max].')];
    const out = listProblems(value, kind, field, op, path);
    if (out.length > 0) return out;
    const [min, max] = value as unknown[];
    if (typeof min !== typeof max) return [invalid(path, 'The bounds must be of the same type.')];
    if (boundKey(min, max, kind, 'min') > boundKey(max, min, kind, 'max')) {
      return [invalid(path, 'The lower bound must not be greater than the upper bound.')];
    }
    return [];
  }
  if (value === undefined) return [invalid(path, `The operator ${op} needs a value.`)];
  const p = scalarProblem(value, kind, field, op, path);
  return p ? [p] : [];
}
