import { checkFilter, fieldKind, fieldRegistry, type FieldKind } from '@formflow/engine';
import { FILTER_OPERATORS } from '@formflow/schema';
import type { FieldDef, FilterCondition, FilterNode, FilterOperator, FormDef, JsonValue } from '@formflow/schema';

/**
 * The filter builder's state: one and/or group of conditions (what Jiandaoyun and Airtable offer), turned into the
 * filter AST (docs/filters.md) by `draftToFilter`. A condition whose value is not filled in yet is left out of the
 * AST, so the grid never sends a half-typed condition.
 */
export type ConditionDraft = { key: string; field: string; op: FilterOperator; value?: JsonValue };
export type FilterDraft = { conjunction: 'and' | 'or'; conditions: ConditionDraft[] };

export const EMPTY_DRAFT: FilterDraft = { conjunction: 'and', conditions: [] };

/** What the operand of an operator looks like, and so which editor shows. */
export type ValueShape = 'none' | 'scalar' | 'list' | 'range' | 'days';

const NO_VALUE: ReadonlySet<FilterOperator> = new Set([
  'isEmpty',
  'isNotEmpty',
  'isToday',
  'isThisWeek',
  'isThisMonth',
  'isCurrentMember',
  'isCurrentDepartment',
]);
const LIST: ReadonlySet<FilterOperator> = new Set(['in', 'notIn', 'hasAny', 'hasAll', 'hasNone']);

export function valueShape(op: FilterOperator, field?: FieldDef): ValueShape {
  if (NO_VALUE.has(op)) return 'none';
  if (LIST.has(op)) return 'list';
  if (op === 'between') return 'range';
  if (op === 'withinLastDays' || op === 'withinNextDays') return 'days';
  // `eq` on a multi-valued field compares the whole set: edit it as a list.
  if ((op === 'eq' || op === 'neq') && field && isMultiValued(field)) return 'list';
  return 'scalar';
}

export function isMultiValued(field: FieldDef): boolean {
  const kind = fieldKind(field);
  return kind === 'options' || kind === 'refs';
}

const operatorCache = new WeakMap<FieldDef, FilterOperator[]>();

/**
 * The operators the engine accepts on this field, in the schema's order: each is probed through `checkFilter` (the
 * same check the server runs), so the builder never offers one the server would refuse as OPERATOR_NOT_SUPPORTED.
 */
export function operatorsFor(field: FieldDef): FilterOperator[] {
  const cached = operatorCache.get(field);
  if (cached) return cached;
  const form: FormDef = { id: 'probe', name: 'probe', fields: [field] };
  const ops = FILTER_OPERATORS.filter((op) => {
    const problems = checkFilter({ field: field.id, op, value: null }, form, fieldRegistry);
    return !problems.some((p) => p.code === 'OPERATOR_NOT_SUPPORTED' || p.code === 'FIELD_NOT_FILTERABLE');
  });
  operatorCache.set(field, ops);
  return ops;
}

/** Fields a filter can name: value-holding fields of the form the caller may read. */
export function filterableFields(form: FormDef, readable?: readonly string[]): FieldDef[] {
  const allowed = readable ? new Set(readable) : null;
  return form.fields.filter(
    (f) => fieldKind(f) !== 'layout' && (!allowed || allowed.has(f.id)) && operatorsFor(f).length > 0,
  );
}

const DEFAULT_OP: Partial<Record<FieldKind, FilterOperator>> = {
  text: 'contains',
  option: 'in',
  options: 'hasAny',
  refs: 'hasAny',
  ref: 'eq',
  structured: 'isNotEmpty',
};

/** The operator a new condition on this field starts with. */
export function defaultOperator(field: FieldDef): FilterOperator {
  const ops = operatorsFor(field);
  const preferred = DEFAULT_OP[fieldKind(field)];
  if (preferred && ops.includes(preferred)) return preferred;
  return ops.includes('eq') ? 'eq' : (ops[0] ?? 'isNotEmpty');
}

/** Keeps a condition's value when its operator changes only if the operand shape stays the same. */
export function changeOperator(condition: ConditionDraft, op: FilterOperator, field: FieldDef): ConditionDraft {
  const same = valueShape(condition.op, field) === valueShape(op, field);
  const next: ConditionDraft = { key: condition.key, field: condition.field, op };
  if (same && condition.value !== undefined) next.value = condition.value;
  return next;
}

function blank(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Whether the condition's operand is filled in enough to send. */
export function isComplete(condition: ConditionDraft, field: FieldDef | undefined): boolean {
  if (!field) return false;
  const { value } = condition;
  switch (valueShape(condition.op, field)) {
    case 'none':
      return true;
    case 'scalar':
      return !blank(value);
    case 'days':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 3650;
    case 'list':
      return Array.isArray(value) && value.length > 0 && value.every((v) => !blank(v));
    case 'range':
      return Array.isArray(value) && value.length === 2 && !blank(value[0]) && !blank(value[1]);
  }
}

function condition(c: ConditionDraft, field: FieldDef): FilterCondition {
  if (valueShape(c.op, field) === 'none') return { field: c.field, op: c.op };
  const value = typeof c.value === 'string' ? c.value.trim() : c.value;
  return { field: c.field, op: c.op, value: value ?? null };
}

/** The filter AST of the builder's complete conditions; undefined when there are none. */
export function draftToFilter(draft: FilterDraft, form: FormDef): FilterNode | undefined {
  const byId = new Map(form.fields.map((f) => [f.id, f]));
  const parts: FilterNode[] = [];
  for (const c of draft.conditions) {
    const field = byId.get(c.field);
    if (field && isComplete(c, field)) parts.push(condition(c, field));
  }
  if (parts.length === 0) return undefined;
  return draft.conjunction === 'and' ? { and: parts } : { or: parts };
}

let keyCounter = 0;
export function newConditionKey(): string {
  keyCounter += 1;
  return `c${String(keyCounter)}`;
}

/**
 * The builder state of a saved filter, or null when the filter is deeper than one and/or group of conditions (a view
 * written by the API): the builder then shows it as a custom filter that can be kept or cleared.
 */
export function filterToDraft(node: FilterNode | undefined): FilterDraft | null {
  if (!node) return { conjunction: 'and', conditions: [] };
  const toDraft = (n: FilterNode): ConditionDraft | null =>
    'field' in n
      ? { key: newConditionKey(), field: n.field, op: n.op, ...(n.value !== undefined ? { value: n.value } : {}) }
      : null;
  if ('field' in node) {
    const one = toDraft(node);
    return one ? { conjunction: 'and', conditions: [one] } : null;
  }
  const conjunction = 'and' in node ? 'and' : 'or';
  const items = 'and' in node ? node.and : node.or;
  const conditions: ConditionDraft[] = [];
  for (const item of items) {
    const c = toDraft(item);
    if (!c) return null;
    conditions.push(c);
  }
  return { conjunction, conditions };
}

/** ANDs filters, dropping absent ones. */
export function andFilters(...nodes: (FilterNode | undefined)[]): FilterNode | undefined {
  const parts = nodes.filter((n): n is FilterNode => n !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { and: parts };
}

/**
 * The search box as a filter: `contains` over every readable text-like field, as the server's `q` does. Sent as a
 * filter (not `q`) so the record count, which the aggregate route computes from a filter, matches the rows exactly.
 */
export function searchFilter(form: FormDef, q: string, readable?: readonly string[]): FilterNode | undefined {
  const text = q.trim().slice(0, 200);
  if (!text) return undefined;
  const allowed = readable ? new Set(readable) : null;
  const fields = form.fields.filter(
    (f) =>
      fieldKind(f) === 'text' &&
      (!allowed || allowed.has(f.id)) &&
      fieldRegistry.get(f.type).operators.includes('contains'),
  );
  return { or: fields.map((f) => ({ field: f.id, op: 'contains' as const, value: text })) };
}

/** Turns typed input into an operand for the field: numbers for numeric kinds, text as is. */
export function operandFromInput(field: FieldDef, text: string): JsonValue | undefined {
  if (text.trim() === '') return undefined;
  if (fieldKind(field) === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  return text;
}
