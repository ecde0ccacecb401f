import type { FieldDef, FieldType, FilterOperator, FormDef, JsonValue } from '@formflow/schema';
import type { FieldTypeDef } from '../fields/field-type.js';
import { createFieldRegistry, type FieldRegistry } from '../fields/registry.js';
import { foldText } from '../text/index.js';
import type { FilterContext } from './types.js';

/* Test fixture (not a test file): a small registry of fake field types and a form using them. */

const EMPTY: FilterOperator[] = ['isEmpty', 'isNotEmpty'];
const EQ: FilterOperator[] = ['eq', 'neq', 'in', 'notIn'];
const ORDER: FilterOperator[] = ['gt', 'gte', 'lt', 'lte', 'between'];
const RELATIVE: FilterOperator[] = ['isToday', 'isThisWeek', 'isThisMonth', 'withinLastDays', 'withinNextDays'];
const SET: FilterOperator[] = ['hasAny', 'hasAll', 'hasNone'];

function fake(
  type: FieldType,
  operators: FilterOperator[],
  sortKey: (v: JsonValue, f: FieldDef) => string | number | null = () => null,
): FieldTypeDef {
  return {
    type,
    storage: 'json',
    source: 'user',
    settingsSchema: { type: 'object' },
    valueSchema: () => ({}),
    defaultValue: () => null,
    parse: (text) => ({ ok: true, value: text }),
    format: (v) => String(v),
    sortKey,
    operators,
  };
}

const text = (v: JsonValue) => (typeof v === 'string' ? foldText(v) : null);
const num = (v: JsonValue) => (typeof v === 'number' ? v : null);

export const testRegistry: FieldRegistry = createFieldRegistry([
  fake('text', [...EMPTY, ...EQ, 'contains', 'notContains', 'startsWith', 'endsWith'], text),
  fake('number', [...EMPTY, ...EQ, ...ORDER], num),
  fake('money', [...EMPTY, ...EQ, ...ORDER], num),
  fake('date', [...EMPTY, ...EQ, ...ORDER, ...RELATIVE], text),
  fake('datetime', [...EMPTY, ...EQ, ...ORDER, ...RELATIVE], (v) => (typeof v === 'string' ? Date.parse(v) : null)),
  fake('select', [...EMPTY, ...EQ], (v, f) => {
    const options = (f.settings?.['options'] ?? []) as { id: string }[];
    const i = options.findIndex((o) => o.id === v);
    return i < 0 ? null : i;
  }),
  fake('multiselect', [...EMPTY, 'eq', 'neq', ...SET, 'contains', 'notContains']),
  fake('member', [...EMPTY, ...EQ, ...SET, 'isCurrentMember']),
  fake('department', [...EMPTY, ...EQ, ...SET, 'isCurrentDepartment']),
  fake('boolean', [...EMPTY, 'eq', 'neq'], (v) => (typeof v === 'boolean' ? Number(v) : null)),
  fake('address', [...EMPTY, 'contains', 'notContains']),
  fake('subtable', EMPTY),
  fake('section', []),
]);

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));

export const testForm: FormDef = {
  id: 'deals',
  name: 'Deals',
  fields: [
    { id: 'name', type: 'text', label: 'Name' },
    { id: 'amount', type: 'number', label: 'Amount' },
    { id: 'price', type: 'money', label: 'Price' },
    { id: 'birthday', type: 'date', label: 'Birthday' },
    { id: 'meetAt', type: 'datetime', label: 'Meeting' },
    { id: 'status', type: 'select', label: 'Status', settings: { options: options('won', 'lost', 'open') } },
    { id: 'tags', type: 'multiselect', label: 'Tags', settings: { options: options('a', 'b', 'c') } },
    { id: 'owner', type: 'member', label: 'Owner' },
    { id: 'watchers', type: 'member', label: 'Watchers', settings: { multiple: true } },
    { id: 'dept', type: 'department', label: 'Department' },
    { id: 'teams', type: 'department', label: 'Teams', settings: { multiple: true } },
    { id: 'active', type: 'boolean', label: 'Active' },
    { id: 'salary', type: 'number', label: 'Salary' },
    { id: 'old', type: 'text', label: 'Old', deleted: true },
    { id: 'intro', type: 'section', label: 'Intro' },
    { id: 'addr', type: 'address', label: 'Address' },
    { id: 'rating', type: 'rating', label: 'Rating' },
    {
      id: 'items',
      type: 'subtable',
      label: 'Items',
      settings: {
        fields: [
          { id: 'sku', type: 'text', label: 'SKU' },
          { id: 'qty', type: 'number', label: 'Qty' },
          { id: 'kind', type: 'select', label: 'Kind', settings: { options: options('x', 'y') } },
          { id: 'gone', type: 'text', label: 'Gone', deleted: true },
        ],
      },
    },
  ],
};

export const ctxAt = (iso: string, timezone = 'UTC', extra: Partial<FilterContext> = {}): FilterContext => ({
  now: new Date(iso),
  timezone,
  ...extra,
});
