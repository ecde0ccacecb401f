import type { FieldDef, FieldType, JsonValue, Rule } from '@formflow/schema';

/** Operators of the visual rule builder; each writes one JsonLogic shape (docs/rules.md). */
export const CONDITION_OPS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'notContains',
  'includes',
  'empty',
  'notEmpty',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export type Condition = { field: string; op: ConditionOp; value?: JsonValue };
export type ConditionGroup = { combinator: 'and' | 'or'; conditions: Condition[] };

const COMPARE: Partial<Record<ConditionOp, string>> = { eq: '==', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const NUMERIC: readonly FieldType[] = [
  'number',
  'money',
  'percent',
  'rating',
  'date',
  'datetime',
  'createdAt',
  'updatedAt',
];
const TEXTUAL: readonly FieldType[] = ['text', 'textarea', 'phone', 'email', 'url', 'serial'];
const LISTS: readonly FieldType[] = ['multiselect'];

/** Operators that make sense for a field type. */
export function operatorsFor(type: FieldType): ConditionOp[] {
  if (NUMERIC.includes(type)) return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];
  if (TEXTUAL.includes(type)) return ['eq', 'ne', 'contains', 'notContains', 'empty', 'notEmpty'];
  if (LISTS.includes(type)) return ['includes', 'empty', 'notEmpty'];
  if (type === 'boolean') return ['eq', 'ne'];
  return ['eq', 'ne', 'empty', 'notEmpty'];
}

/** Whether an operator takes a value. */
export function takesValue(op: ConditionOp): boolean {
  return op !== 'empty' && op !== 'notEmpty';
}

/** Types whose values a rule condition can read. */
export function canBeConditioned(field: FieldDef): boolean {
  return !['section', 'description', 'subtable', 'image', 'attachment', 'signature', 'location', 'address'].includes(
    field.type,
  );
}

function conditionToLogic(c: Condition): Rule {
  const v = { var: c.field };
  const value = c.value ?? null;
  const compare = COMPARE[c.op];
  if (compare) return { [compare]: [v, value] };
  switch (c.op) {
    case 'contains':
      return { contains: [v, value] };
    case 'notContains':
      return { '!': { contains: [v, value] } };
    case 'includes':
      return { in: [value, v] };
    case 'empty':
      return { is_empty: v };
    default:
      return { is_not_empty: v };
  }
}

/** JsonLogic of a group: one condition alone, several under `and`/`or`; `true` for none. */
export function groupToLogic(group: ConditionGroup): Rule {
  if (group.conditions.length === 0) return true;
  if (group.conditions.length === 1) return conditionToLogic(group.conditions[0]!);
  return { [group.combinator]: group.conditions.map(conditionToLogic) };
}

function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field id of `{"var": "id"}` (or `{"var": ["id"]}`), else undefined. */
function varOf(value: unknown): string | undefined {
  if (!isObject(value) || Object.keys(value).length !== 1) return undefined;
  const path = value.var;
  if (typeof path === 'string') return path;
  if (Array.isArray(path) && path.length === 1 && typeof path[0] === 'string') return path[0];
  return undefined;
}

const isLiteral = (value: unknown): value is JsonValue => !isObject(value) && !Array.isArray(value);

function logicToCondition(rule: Rule): Condition | undefined {
  if (!isObject(rule)) return undefined;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const args = rule[op];
  for (const [name, symbol] of Object.entries(COMPARE)) {
    if (symbol !== op || !Array.isArray(args) || args.length !== 2) continue;
    const field = varOf(args[0]);
    if (field !== undefined && isLiteral(args[1])) return { field, op: name as ConditionOp, value: args[1] };
  }
  if (op === 'contains' && Array.isArray(args) && args.length === 2) {
    const field = varOf(args[0]);
    if (field !== undefined && isLiteral(args[1])) return { field, op: 'contains', value: args[1] };
  }
  if (op === '!') {
    const inner = logicToCondition(Array.isArray(args) && args.length === 1 ? args[0]! : args!);
    if (inner?.op === 'contains') return { ...inner, op: 'notContains' };
  }
  if (op === 'in' && Array.isArray(args) && args.length === 2) {
    const field = varOf(args[1]);
    if (field !== undefined && isLiteral(args[0])) return { field, op: 'includes', value: args[0] };
  }
  if (op === 'is_empty' || op === 'is_not_empty') {
    const field = varOf(Array.isArray(args) && args.length === 1 ? args[0] : args);
    if (field !== undefined) return { field, op: op === 'is_empty' ? 'empty' : 'notEmpty' };
  }
  return undefined;
}

/** Reads JsonLogic back into the builder's model; undefined when the rule is not one the builder writes. */
export function logicToGroup(rule: Rule | undefined): ConditionGroup | undefined {
  if (rule === undefined || rule === true) return { combinator: 'and', conditions: [] };
  if (isObject(rule) && Object.keys(rule).length === 1 && ('and' in rule || 'or' in rule)) {
    const combinator = 'and' in rule ? 'and' : 'or';
    const items = rule[combinator];
    if (!Array.isArray(items)) return undefined;
    const conditions = items.map((item) => logicToCondition(item));
    if (conditions.some((c) => c === undefined)) return undefined;
    return { combinator, conditions: conditions as Condition[] };
  }
  const single = logicToCondition(rule);
  return single ? { combinator: 'and', conditions: [single] } : undefined;
}
