import type { SortSpec } from '@formflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSort } from './check-sort.js';
import { compileSort } from './compile-sort.js';
import { FilterError } from './filter-error.js';
import { testForm as form, testRegistry as registry } from './test-form.js';
import type { RecordData } from './types.js';

const codes = (sort: unknown, options = {}) =>
  checkSort(sort, form, registry, options).map((p) => `${p.code}@${p.path}`);

describe('checkSort', () => {
  it('accepts up to 5 valid keys', () => {
    expect(
      codes([
        { field: 'amount', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ]),
    ).toEqual([]);
    expect(codes([])).toEqual([]);
  });
  it('rejects bad shapes, directions and more than 5 keys', () => {
    expect(codes('amount')).toEqual(['INVALID_SORT@']);
    expect(codes([{ field: 'amount', direction: 'desc;--' }])).toEqual(['INVALID_SORT@[0].direction']);
    expect(codes([{ field: 'amount' }])).toEqual(['INVALID_SORT@[0].direction']);
    expect(codes([{ field: 'amount', direction: 'asc', raw: 'x' }])).toEqual(['INVALID_SORT@[0].raw']);
    expect(codes([null])).toEqual(['INVALID_SORT@[0]']);
    const six = ['name', 'amount', 'price', 'birthday', 'meetAt', 'status'].map((field) => ({
      field,
      direction: 'asc',
    }));
    expect(codes(six)).toEqual(['TOO_MANY_SORT_KEYS@']);
    expect(
      codes([
        { field: 'amount', direction: 'asc' },
        { field: 'amount', direction: 'desc' },
      ]),
    ).toEqual(['INVALID_SORT@[1].field']);
  });
  it('rejects unknown, deleted, hidden and unsortable fields', () => {
    expect(codes([{ field: 'created_at desc;--', direction: 'asc' }])).toEqual(['UNKNOWN_FIELD@[0].field']);
    expect(codes([{ field: 'old', direction: 'asc' }])).toEqual(['UNKNOWN_FIELD@[0].field']);
    expect(codes([{ field: 'salary', direction: 'asc' }], { readableFieldIds: new Set(['name']) })).toEqual([
      'FIELD_NOT_READABLE@[0].field',
    ]);
    expect(codes([{ field: 'intro', direction: 'asc' }])).toEqual(['FIELD_NOT_SORTABLE@[0].field']);
    expect(codes([{ field: 'items', direction: 'asc' }])).toEqual(['FIELD_NOT_SORTABLE@[0].field']);
    expect(codes([{ field: 'items.qty', direction: 'asc' }])).toEqual(['FIELD_NOT_SORTABLE@[0].field']);
  });
});

describe('compileSort', () => {
  it('throws FilterError on an invalid sort', () => {
    expect(() => compileSort([{ field: 'nope', direction: 'asc' }], form, registry)).toThrow(FilterError);
  });

  it('sorts by sortKey with nulls last in both directions and stable ties', () => {
    const rows: RecordData[] = [
      { id: 1, amount: 5 },
      { id: 2, amount: null },
      { id: 3, amount: -1 },
      { id: 4, amount: 5 },
      { id: 5 },
      { id: 6, amount: 10 },
    ];
    const ids = (sort: SortSpec[]) => [...rows].sort(compileSort(sort, form, registry)).map((r) => r['id']);
    expect(ids([{ field: 'amount', direction: 'asc' }])).toEqual([3, 1, 4, 6, 2, 5]);
    expect(ids([{ field: 'amount', direction: 'desc' }])).toEqual([6, 1, 4, 3, 2, 5]);
    expect(ids([])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('uses later keys to break ties and the type sortKey (select option order)', () => {
    const rows: RecordData[] = [
      { id: 1, status: 'open', name: 'b' },
      { id: 2, status: 'won', name: 'Z' },
      { id: 3, status: 'open', name: 'A' },
      { id: 4, status: 'lost' },
    ];
    const cmp = compileSort(
      [
        { field: 'status', direction: 'asc' },
        { field: 'name', direction: 'desc' },
      ],
      form,
      registry,
    );
    expect([...rows].sort(cmp).map((r) => r['id'])).toEqual([2, 4, 1, 3]);
  });

  it('is a total order consistent with sortKey (property)', () => {
    const cmp = compileSort(
      [
        { field: 'amount', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ],
      form,
      registry,
    );
    const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);
    const rowArb = fc.record({
      amount: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(null)),
      name: fc.oneof(fc.constantFrom('a', 'B', 'c', 'Ä'), fc.constant(null)),
    });
    fc.assert(
      fc.property(rowArb, rowArb, rowArb, (a, b, c) => {
        expect(sign(cmp(a, b)) + sign(cmp(b, a))).toBe(0);
        expect(cmp(a, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
        if (a.amount !== null && b.amount !== null && a.amount !== b.amount) {
          expect(sign(cmp(a, b))).toBe(sign(b.amount - a.amount));
        }
        if (a.amount === null && b.amount !== null) expect(cmp(a, b)).toBe(1);
      }),
    );
  });
});
