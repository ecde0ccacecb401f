import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@formflow/schema';
import {
  andFilters,
  applyMoves,
  canMoveBy,
  columnFilter,
  columnOf,
  kanbanColumns,
  NO_VALUE,
  searchFilter,
} from './kanban-model.js';

const stage: FieldDef = {
  id: 'stage',
  type: 'select',
  label: { en: 'Stage' },
  settings: {
    options: [
      { id: 'lead', label: { en: 'Lead' }, color: '#2f6bff' },
      { id: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: '#2fa86a' },
      { id: 'lost', label: { en: 'Lost' } },
    ],
  },
};

describe('kanban columns', () => {
  it('has one column per option in option order, then the no-value column, with counts and sums', () => {
    const columns = kanbanColumns(
      stage,
      {
        rows: [
          { keys: ['won'], values: [2, 300.5] },
          { keys: [null], values: [1, 10] },
          { keys: ['lead'], values: [3, null] },
          { keys: ['removedOption'], values: [9, 9] },
        ],
      },
      { noValueLabel: 'No value', hasSum: true },
    );
    expect(columns.map((c) => c.id)).toEqual(['lead', 'won', 'lost', NO_VALUE]);
    expect(columns.map((c) => c.label)).toEqual(['Lead', 'Won', 'Lost', 'No value']);
    expect(columns.map((c) => c.color)).toEqual(['#2f6bff', '#2fa86a', undefined, undefined]);
    expect(columns.map((c) => c.count)).toEqual([3, 2, 0, 1]);
    expect(columns.map((c) => c.sum)).toEqual([0, 300.5, 0, 10]);
    expect(columns.map((c) => c.value)).toEqual(['lead', 'won', 'lost', null]);
  });

  it('has no sums without a sum field, and empty columns before the aggregate arrives', () => {
    const columns = kanbanColumns(stage, undefined, { noValueLabel: '—', hasSum: false });
    expect(columns.map((c) => [c.count, c.sum])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it('groups by a single member with the members met, named, then no value', () => {
    const owner: FieldDef = { id: 'owner', type: 'member', label: { en: 'Owner' } };
    const names: Record<string, string> = { m1: 'Zhao', m2: 'Bai' };
    const columns = kanbanColumns(
      owner,
      {
        rows: [
          { keys: ['m1'], values: [1] },
          { keys: ['m2'], values: [4] },
        ],
      },
      { noValueLabel: 'None', hasSum: false, memberName: (id) => names[id] ?? id },
    );
    expect(columns.map((c) => [c.id, c.label, c.count])).toEqual([
      ['m2', 'Bai', 4],
      ['m1', 'Zhao', 1],
      [NO_VALUE, 'None', 0],
    ]);
    expect(canMoveBy(owner)).toBe(true);
    expect(canMoveBy({ ...owner, settings: { multiple: true } })).toBe(false);
  });

  it('maps values to columns and columns to filters', () => {
    expect(columnOf('won')).toBe('won');
    expect(columnOf(null)).toBe(NO_VALUE);
    expect(columnOf('')).toBe(NO_VALUE);
    expect(columnOf(undefined)).toBe(NO_VALUE);
    expect(columnFilter('stage', { value: 'won' })).toEqual({ field: 'stage', op: 'eq', value: 'won' });
    expect(columnFilter('stage', { value: null })).toEqual({ field: 'stage', op: 'isEmpty' });
  });

  it('ANDs the view, toolbar and column filters, leaving out absent ones', () => {
    const a = { field: 'x', op: 'isEmpty' } as const;
    const b = { field: 'y', op: 'isNotEmpty' } as const;
    expect(andFilters(undefined, undefined)).toBeUndefined();
    expect(andFilters(undefined, a)).toBe(a);
    expect(andFilters(a, undefined, b)).toEqual({ and: [a, b] });
  });

  it('turns the search into contains over readable text-like fields', () => {
    const form = {
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'secret', type: 'text', label: { en: 'Secret' } },
        stage,
        { id: 'phone', type: 'phone', label: { en: 'Phone' } },
      ] as FieldDef[],
      access: { readable: ['name', 'stage', 'phone'] },
    };
    expect(searchFilter(form, '  ')).toBeUndefined();
    expect(searchFilter(form, ' acme ')).toEqual({
      or: [
        { field: 'name', op: 'contains', value: 'acme' },
        { field: 'phone', op: 'contains', value: 'acme' },
      ],
    });
  });

  it('applies optimistic moves to counts and sums', () => {
    const columns = kanbanColumns(
      stage,
      {
        rows: [
          { keys: ['lead'], values: [2, 100] },
          { keys: ['won'], values: [1, 50] },
        ],
      },
      { noValueLabel: '—', hasSum: true },
    );
    const moved = applyMoves(columns, [{ from: 'lead', to: 'won', amount: 30 }]);
    expect(moved.map((c) => [c.id, c.count, c.sum])).toEqual([
      ['lead', 1, 70],
      ['won', 2, 80],
      ['lost', 0, 0],
      [NO_VALUE, 0, 0],
    ]);
    expect(columns[0]!.count).toBe(2); // the input is untouched (rollback = drop the move)
  });
});
