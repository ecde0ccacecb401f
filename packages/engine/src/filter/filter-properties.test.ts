import type { FilterNode } from '@formflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilter } from './compile-filter.js';
import { isEmptyValue } from '../values/is-empty-value.js';
import { ctxAt, testForm as form, testRegistry as registry } from './test-form.js';

const compile = (node: FilterNode) => compileFilter(node, form, registry);

const zones = fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Etc/GMT+12');
const ctxArb = fc
  .tuple(
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
    zones,
  )
  .map(([now, zone]) => ctxAt(now.toISOString(), zone, { memberId: 'm1', departmentIds: ['d1'] }));

const textArb = fc.constantFrom('acme', 'ACME', 'Ärger', 'ärger', 'café', 'cafe\u0301', 'beta', 'x');
const numArb = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -20, max: 20, noNaN: true }));
const dayArb = fc
  .date({ min: new Date('2024-12-25T00:00:00Z'), max: new Date('2025-01-05T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instantArb = fc
  .date({ min: new Date('2024-12-25T00:00:00Z'), max: new Date('2025-01-05T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const statusArb = fc.constantFrom('won', 'lost', 'open');
const tagsArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 });
const empty = fc.constantFrom(null, undefined, '', []);

const recordArb = fc.record({
  name: fc.oneof(textArb, empty),
  amount: fc.oneof(numArb, empty),
  birthday: fc.oneof(dayArb, empty),
  meetAt: fc.oneof(instantArb, empty),
  status: fc.oneof(statusArb, empty),
  tags: fc.oneof(tagsArb, empty),
});

/** A leaf condition with a valid value for its field. */
const conditionArb: fc.Arbitrary<FilterNode> = fc
  .oneof(
    fc.record({
      field: fc.constant('name'),
      op: fc.constantFrom('eq', 'neq', 'contains', 'startsWith'),
      value: textArb,
    }),
    fc.record({
      field: fc.constant('amount'),
      op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte'),
      value: numArb,
    }),
    fc.record({ field: fc.constant('birthday'), op: fc.constantFrom('eq', 'gt', 'lte', 'isToday', 'isThisWeek') }),
    fc.record({
      field: fc.constant('meetAt'),
      op: fc.constantFrom('eq', 'neq', 'gt', 'lt'),
      value: fc.oneof(dayArb, instantArb),
    }),
    fc.record({ field: fc.constant('status'), op: fc.constantFrom('eq', 'neq'), value: statusArb }),
    fc.record({ field: fc.constant('tags'), op: fc.constantFrom('hasAny', 'hasAll', 'hasNone', 'eq'), value: tagsArb }),
    fc.record({ field: fc.constant('amount'), op: fc.constantFrom('isEmpty', 'isNotEmpty') }),
  )
  .map((node) => {
    const n = node as { field: string; op: string; value?: unknown };
    if (n.field === 'birthday' && (n.op === 'eq' || n.op === 'gt' || n.op === 'lte'))
      return { ...n, value: '2025-01-01' } as FilterNode;
    return n as FilterNode;
  });

describe('filter properties', () => {
  it('and[a, b](r) === a(r) && b(r); or[a, b](r) === a(r) || b(r)', () => {
    fc.assert(
      fc.property(conditionArb, conditionArb, recordArb, ctxArb, (a, b, record, ctx) => {
        const fa = compile(a)(record, ctx);
        const fb = compile(b)(record, ctx);
        expect(compile({ and: [a, b] })(record, ctx)).toBe(fa && fb);
        expect(compile({ or: [a, b] })(record, ctx)).toBe(fa || fb);
      }),
    );
  });

  const scalarCases = fc.oneof(
    fc.record({ field: fc.constant('name'), value: textArb, data: textArb }),
    fc.record({ field: fc.constant('amount'), value: numArb, data: numArb }),
    fc.record({ field: fc.constant('birthday'), value: dayArb, data: dayArb }),
    fc.record({ field: fc.constant('meetAt'), value: fc.oneof(dayArb, instantArb), data: instantArb }),
    fc.record({ field: fc.constant('status'), value: statusArb, data: statusArb }),
  );

  it('eq and neq are complements on non-empty values', () => {
    fc.assert(
      fc.property(
        fc.oneof(scalarCases, fc.record({ field: fc.constant('tags'), value: tagsArb, data: tagsArb })),
        ctxArb,
        (c, ctx) => {
          const record = { [c.field]: c.data };
          const eq = compile({ field: c.field, op: 'eq', value: c.value } as FilterNode)(record, ctx);
          const neq = compile({ field: c.field, op: 'neq', value: c.value } as FilterNode)(record, ctx);
          expect(neq).toBe(!eq);
        },
      ),
    );
  });

  it('in [x] is eq x, notIn [x] is neq x, including empty values', () => {
    fc.assert(
      fc.property(scalarCases, fc.boolean(), ctxArb, (c, blank, ctx) => {
        const record = { [c.field]: blank ? null : c.data };
        const one = (op: string, value: unknown) => compile({ field: c.field, op, value } as FilterNode)(record, ctx);
        expect(one('in', [c.value])).toBe(one('eq', c.value));
        expect(one('notIn', [c.value])).toBe(one('neq', c.value));
      }),
    );
  });

  it('between [a, b] is gte a && lte b for numbers, dates and date-times', () => {
    const cases = fc.oneof(
      fc.record({ field: fc.constant('amount'), bounds: fc.tuple(numArb, numArb), data: fc.oneof(numArb, empty) }),
      fc.record({ field: fc.constant('birthday'), bounds: fc.tuple(dayArb, dayArb), data: fc.oneof(dayArb, empty) }),
      fc.record({ field: fc.constant('meetAt'), bounds: fc.tuple(dayArb, dayArb), data: fc.oneof(instantArb, empty) }),
    );
    fc.assert(
      fc.property(cases, ctxArb, (c, ctx) => {
        const [lo, hi] = [...c.bounds].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        const record = { [c.field]: c.data };
        const one = (op: string, value: unknown) => compile({ field: c.field, op, value } as FilterNode)(record, ctx);
        expect(one('between', [lo, hi])).toBe(one('gte', lo) && one('lte', hi));
      }),
    );
  });

  it('every positive operator is false on empty, every negation true', () => {
    fc.assert(
      fc.property(conditionArb, empty, ctxArb, (node, blank, ctx) => {
        if (!('field' in node) || node.op === 'isEmpty' || node.op === 'isNotEmpty') return;
        expect(isEmptyValue(blank)).toBe(true);
        const negative = ['neq', 'notIn', 'notContains', 'hasNone'].includes(node.op);
        expect(compile(node)({ [node.field]: blank }, ctx)).toBe(negative);
      }),
    );
  });
});
