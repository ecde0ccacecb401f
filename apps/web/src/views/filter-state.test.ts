import { describe, expect, it } from 'vitest';
import { checkFilter, fieldRegistry } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import {
  andFilters,
  changeOperator,
  defaultOperator,
  draftToFilter,
  filterableFields,
  filterToDraft,
  isComplete,
  operatorsFor,
  searchFilter,
  valueShape,
  type FilterDraft,
} from './filter-state.js';

const form: FormDef = {
  id: 'deals',
  name: 'Deals',
  fields: [
    { id: 'name', type: 'text', label: 'Name' },
    {
      id: 'stage',
      type: 'select',
      label: 'Stage',
      settings: {
        options: [
          { id: 'lead', label: 'Lead' },
          { id: 'won', label: 'Won' },
        ],
      },
    },
    { id: 'tags', type: 'multiselect', label: 'Tags', settings: { options: [{ id: 'a', label: 'A' }] } },
    { id: 'amount', type: 'number', label: 'Amount' },
    { id: 'close', type: 'date', label: 'Close' },
    { id: 'owner', type: 'member', label: 'Owner' },
    { id: 'phone', type: 'phone', label: 'Phone' },
    { id: 'sec', type: 'section', label: 'Section' },
  ],
};
const field = (id: string) => form.fields.find((f) => f.id === id)!;

describe('filter builder state → filter AST', () => {
  it('offers exactly the operators the engine accepts per field type', () => {
    expect(operatorsFor(field('stage'))).toEqual(['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor(field('amount'))).toContain('between');
    expect(operatorsFor(field('amount'))).not.toContain('contains');
    expect(operatorsFor(field('close'))).toEqual(expect.arrayContaining(['isToday', 'withinLastDays', 'between']));
    expect(operatorsFor(field('owner'))).toContain('isCurrentMember');
    expect(operatorsFor(field('name'))).not.toContain('isCurrentMember');
    expect(filterableFields(form).map((f) => f.id)).not.toContain('sec');
    expect(filterableFields(form, ['name', 'stage']).map((f) => f.id)).toEqual(['name', 'stage']);
  });

  it('builds and/or groups of complete conditions only, with typed operands the engine accepts', () => {
    const draft: FilterDraft = {
      conjunction: 'and',
      conditions: [
        { key: '1', field: 'stage', op: 'in', value: ['won'] },
        { key: '2', field: 'amount', op: 'gte', value: 100 },
        { key: '3', field: 'name', op: 'contains', value: '  acme ' },
        { key: '4', field: 'close', op: 'between', value: ['2025-01-01', null] }, // half a range: left out
        { key: '5', field: 'owner', op: 'isCurrentMember' },
        { key: '6', field: 'phone', op: 'eq' }, // no value yet: left out
      ],
    };
    const filter = draftToFilter(draft, form);
    expect(filter).toEqual({
      and: [
        { field: 'stage', op: 'in', value: ['won'] },
        { field: 'amount', op: 'gte', value: 100 },
        { field: 'name', op: 'contains', value: 'acme' },
        { field: 'owner', op: 'isCurrentMember' },
      ],
    });
    expect(checkFilter(filter, form, fieldRegistry)).toEqual([]);
    expect(draftToFilter({ ...draft, conjunction: 'or' }, form)).toMatchObject({ or: expect.any(Array) });
    expect(draftToFilter({ conjunction: 'and', conditions: [] }, form)).toBeUndefined();
  });

  it('knows when a value is needed and what shape it has', () => {
    expect(valueShape('isEmpty')).toBe('none');
    expect(valueShape('in')).toBe('list');
    expect(valueShape('between')).toBe('range');
    expect(valueShape('withinLastDays')).toBe('days');
    expect(valueShape('eq', field('tags'))).toBe('list');
    expect(valueShape('eq', field('stage'))).toBe('scalar');
    expect(isComplete({ key: 'x', field: 'close', op: 'withinLastDays', value: 0 }, field('close'))).toBe(false);
    expect(isComplete({ key: 'x', field: 'close', op: 'withinLastDays', value: 7 }, field('close'))).toBe(true);
    expect(isComplete({ key: 'x', field: 'stage', op: 'in', value: [] }, field('stage'))).toBe(false);
    expect(isComplete({ key: 'x', field: 'gone', op: 'isEmpty' }, undefined)).toBe(false);
  });

  it('keeps the value across an operator change only when the operand shape stays', () => {
    const c = { key: 'k', field: 'amount', op: 'gt' as const, value: 5 };
    expect(changeOperator(c, 'lt', field('amount')).value).toBe(5);
    expect(changeOperator(c, 'between', field('amount')).value).toBeUndefined();
    expect(defaultOperator(field('stage'))).toBe('in');
    expect(defaultOperator(field('name'))).toBe('contains');
    expect(defaultOperator(field('amount'))).toBe('eq');
  });

  it('reads a saved flat filter back, and refuses a nested one (shown as a custom filter)', () => {
    const saved = {
      or: [
        { field: 'stage', op: 'eq' as const, value: 'won' },
        { field: 'amount', op: 'isEmpty' as const },
      ],
    };
    const draft = filterToDraft(saved);
    expect(draft?.conjunction).toBe('or');
    expect(draftToFilter(draft!, form)).toEqual(saved);
    expect(filterToDraft({ field: 'name', op: 'isEmpty' })?.conditions).toHaveLength(1);
    expect(filterToDraft({ and: [{ or: [] }] })).toBeNull();
    expect(filterToDraft(undefined)).toEqual({ conjunction: 'and', conditions: [] });
  });

  it('search becomes contains over readable text fields; filters AND together', () => {
    expect(searchFilter(form, '  ')).toBeUndefined();
    expect(searchFilter(form, 'acme', ['name', 'phone', 'stage'])).toEqual({
      or: [
        { field: 'name', op: 'contains', value: 'acme' },
        { field: 'phone', op: 'contains', value: 'acme' },
      ],
    });
    const a = { field: 'name', op: 'isEmpty' as const };
    expect(andFilters(undefined, a, undefined)).toBe(a);
    expect(andFilters(a, a)).toEqual({ and: [a, a] });
    expect(andFilters()).toBeUndefined();
  });
});
