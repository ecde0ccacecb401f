import type { FilterNode } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { compileFilter } from './compile-filter.js';
import { FilterError } from './filter-error.js';
import { filterFieldIds } from './filter-field-ids.js';
import { ctxAt, testForm as form, testRegistry as registry } from './test-form.js';
import type { FilterContext, RecordData } from './types.js';

const ctx = ctxAt('2025-03-01T12:00:00Z', 'UTC', { memberId: 'm1', departmentIds: ['d1', 'd1a'] });
const EMPTIES: unknown[] = [null, undefined, '', []];

/** Runs `filter` over each value of `field`, returning which matched. */
function run(field: string, op: string, value: unknown, values: unknown[], c: FilterContext = ctx): boolean[] {
  const node = (value === undefined ? { field, op } : { field, op, value }) as FilterNode;
  const f = compileFilter(node, form, registry);
  return values.map((v) => f({ [field]: v }, c));
}
const onEmpty = (field: string, op: string, value?: unknown) => run(field, op, value, EMPTIES);

describe('compileFilter: errors and groups', () => {
  it('throws FilterError with problems', () => {
    try {
      compileFilter({ field: 'nope', op: 'eq', value: 1 }, form, registry);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FilterError);
      expect((e as FilterError).problems[0]?.code).toBe('UNKNOWN_FIELD');
    }
  });

  it('empty and is true, empty or is false', () => {
    expect(compileFilter({ and: [] }, form, registry)({}, ctx)).toBe(true);
    expect(compileFilter({ or: [] }, form, registry)({}, ctx)).toBe(false);
  });

  it('combines and/or', () => {
    const f = compileFilter(
      {
        and: [
          { field: 'amount', op: 'gte', value: 10 },
          {
            or: [
              { field: 'status', op: 'eq', value: 'won' },
              { field: 'name', op: 'contains', value: 'vip' },
            ],
          },
        ],
      },
      form,
      registry,
    );
    expect(f({ amount: 10, status: 'won' }, ctx)).toBe(true);
    expect(f({ amount: 10, status: 'lost', name: 'A VIP deal' }, ctx)).toBe(true);
    expect(f({ amount: 9, status: 'won' }, ctx)).toBe(false);
    expect(f({ amount: 10, status: 'lost' }, ctx)).toBe(false);
  });

  it('reads own properties only', () => {
    const f = compileFilter({ field: 'name', op: 'isNotEmpty' }, form, registry);
    const data = Object.create({ name: 'inherited' }) as RecordData;
    expect(f(data, ctx)).toBe(false);
  });

  it('filterFieldIds lists each field once in order', () => {
    const filter: FilterNode = {
      and: [
        { field: 'name', op: 'isEmpty' },
        {
          or: [
            { field: 'items.qty', op: 'gt', value: 1 },
            { field: 'name', op: 'eq', value: 'x' },
          ],
        },
        { field: 'amount', op: 'isEmpty' },
      ],
    };
    expect(filterFieldIds(filter)).toEqual(['name', 'items.qty', 'amount']);
    let deep: FilterNode = { field: 'salary', op: 'isEmpty' };
    for (let i = 0; i < 20_000; i++) deep = { and: [deep] };
    expect(filterFieldIds(deep)).toEqual(['salary']);
  });
});

describe('compileFilter: empty values', () => {
  it('isEmpty / isNotEmpty', () => {
    expect(onEmpty('name', 'isEmpty')).toEqual([true, true, true, true]);
    expect(onEmpty('name', 'isNotEmpty')).toEqual([false, false, false, false]);
    expect(run('amount', 'isEmpty', undefined, [0, -1])).toEqual([false, false]);
    expect(run('active', 'isEmpty', undefined, [false, true, null])).toEqual([false, false, true]);
    expect(run('addr', 'isEmpty', undefined, [{ province: '', city: null }, { province: '北京市' }])).toEqual([
      true,
      false,
    ]);
  });

  it('negative operators are true on empty, all others false', () => {
    expect(onEmpty('status', 'neq', 'won')).toEqual([true, true, true, true]);
    expect(onEmpty('status', 'notIn', ['won'])).toEqual([true, true, true, true]);
    expect(onEmpty('name', 'notContains', 'x')).toEqual([true, true, true, true]);
    expect(onEmpty('tags', 'hasNone', ['a'])).toEqual([true, true, true, true]);
    expect(onEmpty('status', 'eq', 'won')).toEqual([false, false, false, false]);
    expect(onEmpty('status', 'in', ['won'])).toEqual([false, false, false, false]);
    expect(onEmpty('name', 'contains', 'x')).toEqual([false, false, false, false]);
    expect(onEmpty('name', 'startsWith', 'x')).toEqual([false, false, false, false]);
    expect(onEmpty('amount', 'lt', 100)).toEqual([false, false, false, false]);
    expect(onEmpty('amount', 'between', [-1e9, 1e9])).toEqual([false, false, false, false]);
    expect(onEmpty('birthday', 'lte', '2999-01-01')).toEqual([false, false, false, false]);
    expect(onEmpty('meetAt', 'isToday')).toEqual([false, false, false, false]);
    expect(onEmpty('tags', 'hasAny', ['a'])).toEqual([false, false, false, false]);
    expect(onEmpty('owner', 'isCurrentMember')).toEqual([false, false, false, false]);
    expect(onEmpty('active', 'eq', false)).toEqual([false, false, false, false]);
    expect(onEmpty('active', 'neq', true)).toEqual([true, true, true, true]);
  });
});

describe('compileFilter: text', () => {
  const names = ['Acme Ltd', 'ACME', 'Ärger', 'ärger', 'Café', 'Cafe\u0301', 'beta'];
  it('eq / neq / in compare folded text', () => {
    expect(run('name', 'eq', 'acme', names)).toEqual([false, true, false, false, false, false, false]);
    expect(run('name', 'eq', 'ÄRGER', names)).toEqual([false, false, true, true, false, false, false]);
    expect(run('name', 'neq', 'ärger', names)).toEqual([true, true, false, false, true, true, true]);
    expect(run('name', 'in', ['BETA', 'acme'], names)).toEqual([false, true, false, false, false, false, true]);
    expect(run('name', 'notIn', ['BETA', 'acme'], names)).toEqual([true, false, true, true, true, true, false]);
  });
  it('contains / notContains / startsWith / endsWith fold both sides (K4)', () => {
    expect(run('name', 'contains', 'cme', names)).toEqual([true, true, false, false, false, false, false]);
    expect(run('name', 'notContains', 'cme', names)).toEqual([false, false, true, true, true, true, true]);
    expect(run('name', 'startsWith', 'ä', names)).toEqual([false, false, true, true, false, false, false]);
    expect(run('name', 'endsWith', 'LTD', names)).toEqual([true, false, false, false, false, false, false]);
  });
  it('NFC and NFD é match each other in eq and contains (K4)', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(run('name', 'eq', nfc, [nfd, nfc])).toEqual([true, true]);
    expect(run('name', 'eq', nfd, [nfd, nfc])).toEqual([true, true]);
    expect(run('name', 'contains', '\u00e9', ['Cafe\u0301 noir', 'Café'])).toEqual([true, true]);
    expect(run('name', 'contains', 'e\u0301', ['Café'])).toEqual([true]);
  });
  it('a non-string value in a text field matches no positive operator', () => {
    expect(run('name', 'eq', '1', [1])).toEqual([false]);
    expect(run('name', 'neq', '1', [1])).toEqual([true]);
  });
});

describe('compileFilter: numbers', () => {
  const values = [-5, 0, 5, 10, 10.5];
  it('compares numerically', () => {
    expect(run('amount', 'eq', 5, values)).toEqual([false, false, true, false, false]);
    expect(run('amount', 'neq', 5, values)).toEqual([true, true, false, true, true]);
    expect(run('amount', 'gt', 5, values)).toEqual([false, false, false, true, true]);
    expect(run('amount', 'gte', 5, values)).toEqual([false, false, true, true, true]);
    expect(run('amount', 'lt', 0, values)).toEqual([true, false, false, false, false]);
    expect(run('amount', 'lte', 0, values)).toEqual([true, true, false, false, false]);
    expect(run('price', 'between', [0, 10], values)).toEqual([false, true, true, true, false]);
    expect(run('amount', 'in', [0, 10.5], values)).toEqual([false, true, false, false, true]);
    expect(run('amount', 'notIn', [0, 10.5], values)).toEqual([true, false, true, true, false]);
  });
  it('does not compare numbers with numeric strings', () => {
    expect(run('amount', 'gt', 1, ['5', '10'])).toEqual([false, false]);
  });
});

describe('compileFilter: dates', () => {
  const days = ['2024-12-31', '2025-03-01', '2025-03-02', '2026-01-01'];
  it('compares YYYY-MM-DD as strings', () => {
    expect(run('birthday', 'eq', '2025-03-01', days)).toEqual([false, true, false, false]);
    expect(run('birthday', 'gt', '2025-03-01', days)).toEqual([false, false, true, true]);
    expect(run('birthday', 'lte', '2025-03-01', days)).toEqual([true, true, false, false]);
    expect(run('birthday', 'between', ['2025-01-01', '2025-12-31'], days)).toEqual([false, true, true, false]);
    expect(run('birthday', 'in', ['2026-01-01'], days)).toEqual([false, false, false, true]);
  });
});

describe('compileFilter: select and sets', () => {
  it('single select compares option ids', () => {
    const v = ['won', 'lost', 'open'];
    expect(run('status', 'eq', 'won', v)).toEqual([true, false, false]);
    expect(run('status', 'neq', 'won', v)).toEqual([false, true, true]);
    expect(run('status', 'in', ['won', 'open'], v)).toEqual([true, false, true]);
    expect(run('status', 'notIn', ['won', 'open'], v)).toEqual([false, true, false]);
  });
  it('multiselect: hasAny / hasAll / hasNone / eq as a set / contains', () => {
    const v = [['a'], ['a', 'b'], ['b', 'a'], ['c']];
    expect(run('tags', 'hasAny', ['a'], v)).toEqual([true, true, true, false]);
    expect(run('tags', 'hasAll', ['a', 'b'], v)).toEqual([false, true, true, false]);
    expect(run('tags', 'hasNone', ['a', 'b'], v)).toEqual([false, false, false, true]);
    expect(run('tags', 'eq', ['a', 'b'], v)).toEqual([false, true, true, false]);
    expect(run('tags', 'neq', ['a', 'b'], v)).toEqual([true, false, false, true]);
    expect(run('tags', 'contains', 'c', v)).toEqual([false, false, false, true]);
    expect(run('tags', 'notContains', 'c', v)).toEqual([true, true, true, false]);
  });
  it('member: eq / in / isCurrentMember for single and multiple', () => {
    expect(run('owner', 'eq', 'm1', ['m1', 'm2'])).toEqual([true, false]);
    expect(run('owner', 'in', ['m2', 'm3'], ['m1', 'm2'])).toEqual([false, true]);
    expect(run('owner', 'hasAny', ['m2', 'm3'], ['m1', 'm2'])).toEqual([false, true]);
    expect(run('owner', 'hasAll', ['m1', 'm2'], ['m1', 'm2'])).toEqual([false, false]);
    expect(run('owner', 'hasAll', ['m1'], ['m1', 'm2'])).toEqual([true, false]);
    expect(run('owner', 'hasNone', ['m1'], ['m1', 'm2', null])).toEqual([false, true, true]);
    expect(run('owner', 'isCurrentMember', undefined, ['m1', 'm2'])).toEqual([true, false]);
    expect(run('watchers', 'isCurrentMember', undefined, [['m2', 'm1'], ['m2']])).toEqual([true, false]);
    expect(run('watchers', 'hasAll', ['m1', 'm2'], [['m2', 'm1'], ['m2']])).toEqual([true, false]);
    const anonymous = ctxAt('2025-03-01T12:00:00Z');
    expect(run('owner', 'isCurrentMember', undefined, ['m1'], anonymous)).toEqual([false]);
  });
  it('department: isCurrentDepartment uses ctx.departmentIds (any for multiple)', () => {
    expect(run('dept', 'isCurrentDepartment', undefined, ['d1', 'd1a', 'd2'])).toEqual([true, true, false]);
    expect(run('teams', 'isCurrentDepartment', undefined, [['d2', 'd1a'], ['d2']])).toEqual([true, false]);
    expect(run('dept', 'isCurrentDepartment', undefined, ['d1'], ctxAt('2025-03-01T00:00:00Z'))).toEqual([false]);
  });
});

describe('compileFilter: boolean, address, sub-table', () => {
  it('boolean eq / neq; empty is not false', () => {
    expect(run('active', 'eq', true, [true, false, null])).toEqual([true, false, false]);
    expect(run('active', 'eq', false, [true, false, null])).toEqual([false, true, false]);
    expect(run('active', 'neq', false, [true, false, null])).toEqual([true, false, true]);
  });
  it('address contains searches its parts', () => {
    const v = [{ province: '北京市', detail: 'Chaoyang Rd 1' }, { province: '上海市' }];
    expect(run('addr', 'contains', 'chaoyang', v)).toEqual([true, false]);
    expect(run('addr', 'notContains', '北京', v)).toEqual([false, true]);
  });
  it('a sub-table column matches when any row matches', () => {
    const f = compileFilter({ field: 'items.qty', op: 'gt', value: 2 }, form, registry);
    expect(
      f(
        {
          items: [
            { id: 'r1', qty: 1 },
            { id: 'r2', qty: 3 },
          ],
        },
        ctx,
      ),
    ).toBe(true);
    expect(f({ items: [{ id: 'r1', qty: 1 }] }, ctx)).toBe(false);
    expect(f({ items: [] }, ctx)).toBe(false);
    expect(f({}, ctx)).toBe(false);
    const empty = compileFilter({ field: 'items.sku', op: 'isEmpty' }, form, registry);
    expect(empty({ items: [{ id: 'r1', sku: 'A' }, { id: 'r2' }] }, ctx)).toBe(true);
    expect(empty({ items: [] }, ctx)).toBe(false);
    const kind = compileFilter({ field: 'items.kind', op: 'neq', value: 'x' }, form, registry);
    expect(
      kind(
        {
          items: [
            { id: 'r1', kind: 'x' },
            { id: 'r2', kind: 'y' },
          ],
        },
        ctx,
      ),
    ).toBe(true);
    expect(kind({ items: [{ id: 'r1', kind: 'x' }] }, ctx)).toBe(false);
  });
});
