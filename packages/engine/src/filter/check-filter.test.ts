import { describe, expect, it } from 'vitest';
import { checkFilter } from './check-filter.js';
import { testForm as form, testRegistry as registry } from './test-form.js';

const check = (filter: unknown, options = {}) => checkFilter(filter, form, registry, options);
const codes = (filter: unknown, options = {}) => check(filter, options).map((p) => `${p.code}@${p.path}`);

describe('checkFilter: shape', () => {
  it('accepts valid filters and empty groups', () => {
    expect(check({ and: [] })).toEqual([]);
    expect(check({ or: [] })).toEqual([]);
    expect(
      check({
        and: [
          { field: 'name', op: 'contains', value: 'acme' },
          {
            or: [
              { field: 'amount', op: 'between', value: [1, 2] },
              { field: 'status', op: 'isEmpty' },
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('rejects unknown keys such as $raw (I1)', () => {
    expect(codes({ $raw: '1=1' })).toEqual(['INVALID_FILTER@$raw']);
    expect(codes({ field: 'name', op: 'eq', value: 'a', sql: 'x' })).toEqual(['INVALID_FILTER@sql']);
    expect(codes({ and: [], extra: 1 })).toEqual(['INVALID_FILTER@extra']);
    expect(codes({ and: [], or: [] })).toEqual(['INVALID_FILTER@']);
    expect(codes({ and: {} })).toEqual(['INVALID_FILTER@and']);
  });

  it('rejects non-objects, a missing field and unknown operators', () => {
    expect(codes(null)).toEqual(['INVALID_FILTER@']);
    expect(codes('name = 1')).toEqual(['INVALID_FILTER@']);
    expect(codes({ and: [[]] })).toEqual(['INVALID_FILTER@and[0]']);
    expect(codes({ op: 'eq', value: 1 })).toEqual(['INVALID_FILTER@field']);
    expect(codes({ field: 'name', op: 'like', value: 'a' })).toEqual(['INVALID_FILTER@op']);
    expect(codes({ field: 'name', op: 'constructor', value: 'a' })).toEqual(['INVALID_FILTER@op']);
  });

  it('reports paths in and/or form', () => {
    const filter = {
      and: [{ field: 'name', op: 'eq', value: 'a' }, { or: [{ field: 'amount', op: 'eq', value: 'x' }] }],
    };
    expect(codes(filter)).toEqual(['INVALID_FILTER_VALUE@and[1].or[0].value']);
  });
});

describe('checkFilter: size', () => {
  it('stops a 10,000-deep filter with NESTING_TOO_DEEP and does not throw', () => {
    let node: unknown = { field: 'name', op: 'isEmpty' };
    for (let i = 0; i < 10_000; i++) node = { and: [node] };
    const problems = check(node);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('NESTING_TOO_DEEP');
    expect(problems[0]?.path).toBe('and[0].and[0].and[0].and[0].and[0].and[0].and[0].and[0]');
  });

  it('allows maxDepth levels and rejects one more', () => {
    const nest = (levels: number) => {
      let node: unknown = { field: 'name', op: 'isEmpty' };
      for (let i = 1; i < levels; i++) node = { or: [node] };
      return node;
    };
    expect(check(nest(8))).toEqual([]);
    expect(codes(nest(9))[0]).toMatch(/^NESTING_TOO_DEEP/);
    expect(check(nest(3), { maxDepth: 3 })).toEqual([]);
    expect(codes(nest(4), { maxDepth: 3 })[0]).toMatch(/^NESTING_TOO_DEEP/);
  });

  it('rejects too many conditions and huge groups', () => {
    const many = (n: number) => ({ and: Array.from({ length: n }, () => ({ field: 'name', op: 'isEmpty' })) });
    expect(check(many(200))).toEqual([]);
    expect(codes(many(201))).toEqual(['TOO_MANY_CONDITIONS@']);
    expect(codes({ or: Array.from({ length: 1_000_000 }, () => 0) })).toEqual(['TOO_MANY_CONDITIONS@']);
    expect(codes(many(11), { maxConditions: 10 })).toEqual(['TOO_MANY_CONDITIONS@']);
  });
});

describe('checkFilter: fields', () => {
  it('rejects unknown and injected field names (I1)', () => {
    const problems = check({ field: 'name"; DROP TABLE records;--', op: 'eq', value: 1 });
    expect(problems.map((p) => `${p.code}@${p.path}`)).toEqual(['UNKNOWN_FIELD@field']);
    expect(codes({ field: 'nope', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
    expect(codes({ field: '__proto__', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
  });

  it('treats soft-deleted fields and columns as unknown', () => {
    expect(codes({ field: 'old', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
    expect(codes({ field: 'items.gone', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
  });

  it('addresses sub-table columns as subtable.column', () => {
    expect(check({ field: 'items.qty', op: 'gt', value: 2 })).toEqual([]);
    expect(codes({ field: 'items.nope', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
    expect(codes({ field: 'name.sku', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
    expect(codes({ field: 'items.qty.x', op: 'isEmpty' })).toEqual(['UNKNOWN_FIELD@field']);
    expect(codes({ field: 'items.kind', op: 'eq', value: 'won' })).toEqual(['UNKNOWN_OPTION@value']);
  });

  it('rejects a field the caller may not read (H2), including sub-table columns', () => {
    const readable = new Set(['name', 'amount']);
    expect(codes({ field: 'salary', op: 'gt', value: 100000 }, { readableFieldIds: readable })).toEqual([
      'FIELD_NOT_READABLE@field',
    ]);
    expect(codes({ field: 'items.qty', op: 'gt', value: 1 }, { readableFieldIds: readable })).toEqual([
      'FIELD_NOT_READABLE@field',
    ]);
    expect(check({ field: 'amount', op: 'gt', value: 1 }, { readableFieldIds: readable })).toEqual([]);
  });

  it('rejects layout fields and types without filter support', () => {
    expect(codes({ field: 'intro', op: 'isEmpty' })).toEqual(['FIELD_NOT_FILTERABLE@field']);
    expect(codes({ field: 'rating', op: 'isEmpty' })).toEqual(['FIELD_NOT_FILTERABLE@field']);
  });

  it('rejects operators the type does not list, naming the label and type', () => {
    const [p] = check({ field: 'name', op: 'gt', value: 'a' });
    expect(p?.code).toBe('OPERATOR_NOT_SUPPORTED');
    expect(p?.path).toBe('op');
    expect(p?.message).toContain('"Name"');
    expect(p?.message).toContain('(text)');
    expect(codes({ field: 'owner', op: 'isCurrentDepartment' })).toEqual(['OPERATOR_NOT_SUPPORTED@op']);
    expect(codes({ field: 'active', op: 'in', value: [true] })).toEqual(['OPERATOR_NOT_SUPPORTED@op']);
  });
});

describe('checkFilter: values', () => {
  const bad = (field: string, op: string, value?: unknown) =>
    codes(value === undefined ? { field, op } : { field, op, value });

  it('between needs [min, max] of the field kind in order', () => {
    expect(bad('amount', 'between', [1])).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'between', 5)).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'between', [5, 1])).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'between', [1, '5'])).toEqual(['INVALID_FILTER_VALUE@value[1]']);
    expect(bad('amount', 'between', [3, 3])).toEqual([]);
    expect(bad('birthday', 'between', ['2025-03-02', '2025-03-01'])).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('meetAt', 'between', ['2025-03-02', '2025-03-01'])).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('meetAt', 'between', ['2025-03-02T00:00:00Z', '2025-03-01T00:00:00Z'])).toEqual([
      'INVALID_FILTER_VALUE@value',
    ]);
    expect(bad('meetAt', 'between', ['2025-03-01', '2025-03-01T12:00:00Z'])).toEqual([]);
  });

  it('list operators need a non-empty list of at most 500 valid items', () => {
    expect(bad('name', 'in', [])).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('name', 'in', 'a')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(
      bad(
        'name',
        'in',
        Array.from({ length: 501 }, (_, i) => `v${i}`),
      ),
    ).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(
      bad(
        'name',
        'in',
        Array.from({ length: 500 }, (_, i) => `v${i}`),
      ),
    ).toEqual([]);
    expect(bad('amount', 'notIn', [1, { $gt: 1 }])).toEqual(['INVALID_FILTER_VALUE@value[1]']);
    expect(bad('tags', 'hasAll', ['a', 'zz'])).toEqual(['UNKNOWN_OPTION@value[1]']);
    expect(bad('watchers', 'hasNone', [])).toEqual(['INVALID_FILTER_VALUE@value']);
  });

  it('withinLastDays / withinNextDays take a whole number 1–3650', () => {
    for (const v of [0, -1, 1.5, 3651, '7', null, Number.NaN]) {
      expect(bad('birthday', 'withinLastDays', v)).toEqual(['INVALID_FILTER_VALUE@value']);
    }
    expect(bad('birthday', 'withinLastDays')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('meetAt', 'withinNextDays', 3650)).toEqual([]);
  });

  it('value-less operators take no value', () => {
    expect(bad('name', 'isEmpty', 'x')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('birthday', 'isToday', '2025-01-01')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('owner', 'isCurrentMember', 'm1')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(codes({ field: 'dept', op: 'isCurrentDepartment', value: null })).toEqual([]);
  });

  it('comparison values must match the field kind', () => {
    expect(bad('amount', 'gt', '5')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'eq', Number.POSITIVE_INFINITY)).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'eq', Number.NaN)).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'eq', { $ne: 0 })).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('amount', 'eq')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('birthday', 'eq', '2025-02-30')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('birthday', 'eq', '2025-03-01T00:00:00Z')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('birthday', 'eq', '2028-02-29')).toEqual([]);
    expect(bad('meetAt', 'gt', '2025-03-01T10:00')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('meetAt', 'gt', '2025-03-01T10:00:00+08:00')).toEqual([]);
    expect(bad('meetAt', 'gt', '2025-03-01')).toEqual([]);
    expect(bad('name', 'eq', 1)).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('name', 'eq', ['a'])).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('name', 'contains', '')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('name', 'contains', 'x'.repeat(1001))).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('name', 'contains', 'x'.repeat(1000))).toEqual([]);
    expect(bad('name', 'eq', 'a\u0000b')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('name', 'eq', "x' OR '1'='1")).toEqual([]);
    expect(bad('active', 'eq', 'true')).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('active', 'eq', false)).toEqual([]);
  });

  it('select values must be existing option ids', () => {
    expect(bad('status', 'eq', 'won')).toEqual([]);
    expect(bad('status', 'eq', 'WON')).toEqual(['UNKNOWN_OPTION@value']);
    expect(bad('status', 'in', ['won', 'nope'])).toEqual(['UNKNOWN_OPTION@value[1]']);
    expect(bad('tags', 'eq', ['a', 'b'])).toEqual([]);
    expect(bad('tags', 'contains', 'c')).toEqual([]);
    expect(bad('tags', 'contains', 'd')).toEqual(['UNKNOWN_OPTION@value']);
  });

  it('member and department ids are non-empty strings', () => {
    expect(bad('owner', 'eq', 'm1')).toEqual([]);
    expect(bad('owner', 'eq', 42)).toEqual(['INVALID_FILTER_VALUE@value']);
    expect(bad('watchers', 'eq', ['m1', 'm2'])).toEqual([]);
    expect(bad('watchers', 'hasAny', ['m1', ''])).toEqual(['INVALID_FILTER_VALUE@value[1]']);
  });
});
