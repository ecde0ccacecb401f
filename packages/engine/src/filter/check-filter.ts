import {
  FILTER_OPERATORS,
  formatPath,
  localize,
  type FilterOperator,
  type FormDef,
  type Problem,
} from '@formflow/schema';
import type { FieldRegistry } from '../fields/registry.js';
import { checkConditionValue } from './check-condition-value.js';
import { checkFilterSize } from './check-filter-size.js';
import { fieldKind } from './field-kind.js';
import { kindSupports } from './kind-operators.js';
import { resolveFilterField } from './resolve-filter-field.js';
import type { CheckFilterOptions } from './types.js';

type Path = readonly (string | number)[];
type Env = { form: FormDef; registry: FieldRegistry; readable: ReadonlySet<string> | undefined; out: Problem[] };

const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);
const CONDITION_KEYS: ReadonlySet<string> = new Set(['field', 'op', 'value']);

function shown(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

function invalid(path: Path, message: string): Problem {
  return { path: formatPath(path), code: 'INVALID_FILTER', message };
}

function checkCondition(node: Record<string, unknown>, path: Path, env: Env): void {
  const unknownKeys = Object.keys(node).filter((k) => !CONDITION_KEYS.has(k));
  if (unknownKeys.length > 0) {
    for (const k of unknownKeys) env.out.push(invalid([...path, k], `Unknown key ${shown(k)} in a filter condition.`));
    return;
  }
  const { field: fieldPath, op } = node;
  if (typeof fieldPath !== 'string' || fieldPath === '') {
    env.out.push(invalid([...path, 'field'], 'A condition needs a field id.'));
    return;
  }
  if (typeof op !== 'string' || !OPERATORS.has(op)) {
    env.out.push(invalid([...path, 'op'], `Unknown filter operator ${shown(String(op))}.`));
    return;
  }
  const fieldAt = formatPath([...path, 'field']);
  const resolved = resolveFilterField(fieldPath, env.form);
  if (!resolved.ok) {
    env.out.push({
      path: fieldAt,
      code: 'UNKNOWN_FIELD',
      message: `Unknown field ${shown(fieldPath)}.`,
      params: { field: fieldPath.slice(0, 64) },
    });
    return;
  }
  const { field, subtable } = resolved;
  const topId = subtable ? subtable.id : field.id;
  const label = localize(field.label, 'en') || field.id;
  if (env.readable && !env.readable.has(topId)) {
    env.out.push({
      path: fieldAt,
      code: 'FIELD_NOT_READABLE',
      message: `You may not read the field ${shown(fieldPath)}.`,
      params: { field: fieldPath },
    });
    return;
  }
  const kind = fieldKind(field);
  if (kind === 'layout' || !env.registry.has(field.type)) {
    env.out.push({
      path: fieldAt,
      code: 'FIELD_NOT_FILTERABLE',
      message: `The field "${label}" (${field.type}) holds no value to filter on.`,
      params: { field: fieldPath, label, type: field.type },
    });
    return;
  }
  const operator = op as FilterOperator;
  if (!env.registry.get(field.type).operators.includes(operator) || !kindSupports(field, kind, operator)) {
    env.out.push({
      path: formatPath([...path, 'op']),
      code: 'OPERATOR_NOT_SUPPORTED',
      message: `The operator ${operator} is not supported by the field "${label}" (${field.type}).`,
      params: { field: fieldPath, label, type: field.type, op: operator },
    });
    return;
  }
  env.out.push(...checkConditionValue(node, operator, field, kind, path));
}

function checkNode(node: unknown, path: Path, env: Env): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    env.out.push(invalid(path, 'A filter node must be a condition { field, op, value } or a group { and } / { or }.'));
    return;
  }
  const record = node as Record<string, unknown>;
  const hasAnd = Object.hasOwn(record, 'and');
  const hasOr = Object.hasOwn(record, 'or');
  if (!hasAnd && !hasOr) {
    checkCondition(record, path, env);
    return;
  }
  if (hasAnd && hasOr) {
    env.out.push(invalid(path, 'A group has either "and" or "or", not both.'));
    return;
  }
  const key = hasAnd ? 'and' : 'or';
  const extra = Object.keys(record).filter((k) => k !== key);
  for (const k of extra) env.out.push(invalid([...path, k], `Unknown key ${shown(k)} in a filter group.`));
  const items = record[key];
  if (!Array.isArray(items)) {
    env.out.push(invalid([...path, key], `"${key}" must be a list of filter nodes.`));
    return;
  }
  items.forEach((child: unknown, i) => checkNode(child, [...path, key, i], env));
}

/**
 * Checks a filter (parsed JSON of unknown shape) against a form before it is compiled to closures or SQL.
 * Depth and size are bounded first, without recursion; then every node's shape, field, readability, operator and
 * value. Problems carry paths like `and[1].or[0].value`. An empty list means the filter is safe to compile.
 */
export function checkFilter(
  filter: unknown,
  form: FormDef,
  registry: FieldRegistry,
  options: CheckFilterOptions = {},
): Problem[] {
  const sizeProblem = checkFilterSize(filter, options.maxDepth ?? 8, options.maxConditions ?? 200);
  if (sizeProblem) return [sizeProblem];
  const env: Env = { form, registry, readable: options.readableFieldIds, out: [] };
  checkNode(filter, [], env);
  return env.out;
}
