import fc from 'fast-check';
import type { FilterContext } from '@formflow/engine';
import type { FilterNode } from '@formflow/schema';
import { zonedDayStart } from '@formflow/engine';

/* Test fixture (not a test file): random records, filters and contexts for queryTestForm. */

const TEXTS = [
  'Ärger',
  'ärger',
  'a\u0308rger',
  '\u00c4',
  'e\u0301',
  '\u00e9',
  'Foo',
  'foo bar',
  ' ',
  '\u3000',
  '',
  'x',
  'ß',
  'SS',
];
const DATES = [
  '2025-03-01',
  '2025-03-08',
  '2025-03-09',
  '2025-03-10',
  '2025-03-31',
  '2025-11-01',
  '2025-11-02',
  '2025-11-03',
];
const WINDOW_START = Date.UTC(2025, 1, 26);
const WINDOW_MS = 12 * 86_400_000;
const WINDOW2_START = Date.UTC(2025, 9, 29);

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati'] as const;

/** Instants on and next to day boundaries, where an off-by-one in SQL would show. */
const boundaryMs = fc
  .tuple(fc.constantFrom(...DATES), fc.constantFrom(...ZONES), fc.constantFrom(-1, 0, 1, 60_000))
  .map(([date, zone, delta]) => zonedDayStart(date, zone) + delta);

const instantMs = fc.oneof(
  fc.integer({ min: WINDOW_START, max: WINDOW_START + WINDOW_MS }),
  fc.integer({ min: WINDOW2_START, max: WINDOW2_START + WINDOW_MS }),
  boundaryMs,
);

function offsetForm(ms: number, minutes: number, seconds: 'none' | 'sec' | 'frac'): string {
  const local = new Date(ms + minutes * 60_000).toISOString();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const zone =
    minutes === 0
      ? 'Z'
      : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const time =
    seconds === 'none' ? local.slice(0, 16) : seconds === 'sec' ? local.slice(0, 19) : `${local.slice(0, 23)}97`;
  return time + zone;
}

const datetimeValue = fc.oneof(
  { weight: 4, arbitrary: instantMs.map((ms) => new Date(ms).toISOString()) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        instantMs,
        fc.constantFrom(0, 480, -300, 840, 330),
        fc.constantFrom('none' as const, 'sec' as const, 'frac' as const),
      )
      .map(([ms, off, s]) => offsetForm(s === 'frac' ? ms : Math.floor(ms / 60_000) * 60_000, off, s)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2025-02-30T00:00Z',
      '2025-03-01T24:00Z',
      '2025-03-01',
      'soon',
      '2025-03-01T10:00',
      '2025-03-01T10:00+24:00',
    ),
  },
);

const empty = fc.constantFrom<unknown>(undefined, null, '', '  ', [], {});
const maybe = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: empty });
const text = fc.constantFrom(...TEXTS);
const members = fc.constantFrom('m1', 'm2', 'm3');

const row = fc.record(
  { sku: maybe(text), qty: maybe(fc.integer({ min: -2, max: 3 })), kind: maybe(fc.constantFrom('x', 'y', 'z')) },
  { requiredKeys: [] },
);

export const recordDataArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      name: maybe(
        fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom<unknown>(5, ['Foo', 'x']) }),
      ),
      amount: maybe(
        fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: -3, max: 3 }) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>(1.5, '2', true) },
        ),
      ),
      closeOn: maybe(
        fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...DATES) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>('2025-03-08T10:00Z', 7) },
        ),
      ),
      meetAt: maybe(datetimeValue),
      stage: maybe(fc.constantFrom<unknown>('lead', 'won', 'lost', 'gone', 3)),
      tags: maybe(fc.oneof(fc.subarray(['a', 'b', 'c']), fc.constantFrom<unknown>('a', ['a', 'a'], ['b', 4]))),
      owner: maybe(
        fc.oneof({ weight: 4, arbitrary: members }, { weight: 1, arbitrary: fc.constantFrom<unknown>(['m1'], 9) }),
      ),
      watchers: maybe(fc.subarray(['m1', 'm2', 'm3'])),
      dept: maybe(fc.constantFrom('d1', 'd2', 'd3')),
      vip: maybe(fc.constantFrom<unknown>(true, false, 'true', 0)),
      addr: maybe(
        fc.record(
          { province: maybe(text), city: maybe(text), detail: maybe(fc.oneof(text, fc.constant(['Ärger', ' ']))) },
          { requiredKeys: [] },
        ),
      ),
      items: maybe(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.array(
              fc.oneof(
                { weight: 6, arbitrary: row },
                { weight: 1, arbitrary: fc.constantFrom<unknown>('row', null, ['sku']) },
              ),
              { maxLength: 3 },
            ),
          },
          { weight: 1, arbitrary: fc.constant<unknown>({ sku: 'foo' }) },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));

const textOperand = fc.constantFrom('Ärger', 'ä', 'a\u0308', 'e\u0301', 'foo', 'o b', 'ß', 'x', 'ger');
const dateOperand = fc.constantFrom(...DATES);
const dtOperand = fc.oneof(
  dateOperand,
  datetimeValue.filter((v) => /T.*(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v))),
);

type Spec = { field: string; ops: string[]; operand: fc.Arbitrary<unknown> };
const list = <T>(a: fc.Arbitrary<T>) => fc.uniqueArray(a, { minLength: 1, maxLength: 3 });
const relative = ['isToday', 'isThisWeek', 'isThisMonth', 'withinLastDays', 'withinNextDays'];

const SPECS: Spec[] = [
  { field: 'name', ops: ['eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith'], operand: textOperand },
  { field: 'name', ops: ['in', 'notIn'], operand: list(textOperand) },
  { field: 'amount', ops: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'], operand: fc.integer({ min: -3, max: 3 }) },
  {
    field: 'amount',
    ops: ['between'],
    operand: fc.tuple(fc.integer({ min: -3, max: 0 }), fc.integer({ min: 0, max: 3 })),
  },
  { field: 'closeOn', ops: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'], operand: dateOperand },
  {
    field: 'closeOn',
    ops: ['between'],
    operand: fc.tuple(dateOperand, dateOperand).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  },
  { field: 'meetAt', ops: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'], operand: dtOperand },
  {
    field: 'meetAt',
    ops: ['between'],
    operand: fc.tuple(dateOperand, dateOperand).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  },
  { field: 'closeOn', ops: relative, operand: fc.integer({ min: 1, max: 10 }) },
  { field: 'meetAt', ops: relative, operand: fc.integer({ min: 1, max: 10 }) },
  { field: 'stage', ops: ['eq', 'neq'], operand: fc.constantFrom('lead', 'won', 'lost') },
  { field: 'stage', ops: ['in', 'notIn'], operand: list(fc.constantFrom('lead', 'won', 'lost')) },
  { field: 'tags', ops: ['eq', 'neq', 'hasAny', 'hasAll', 'hasNone'], operand: list(fc.constantFrom('a', 'b', 'c')) },
  { field: 'tags', ops: ['contains', 'notContains', 'eq'], operand: fc.constantFrom('a', 'b', 'c') },
  { field: 'owner', ops: ['eq', 'neq'], operand: members },
  { field: 'owner', ops: ['in', 'notIn', 'hasAny', 'hasAll', 'hasNone'], operand: list(members) },
  { field: 'watchers', ops: ['eq', 'neq', 'in', 'notIn', 'hasAny', 'hasAll', 'hasNone'], operand: list(members) },
  { field: 'owner', ops: ['isCurrentMember'], operand: fc.constant(undefined) },
  { field: 'watchers', ops: ['isCurrentMember'], operand: fc.constant(undefined) },
  { field: 'dept', ops: ['isCurrentDepartment'], operand: fc.constant(undefined) },
  { field: 'vip', ops: ['eq', 'neq'], operand: fc.boolean() },
  { field: 'addr', ops: ['contains', 'notContains'], operand: textOperand },
  { field: 'items.sku', ops: ['eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith'], operand: textOperand },
  { field: 'items.qty', ops: ['eq', 'neq', 'gt', 'lte'], operand: fc.integer({ min: -2, max: 3 }) },
  { field: 'items.kind', ops: ['eq', 'neq', 'in', 'notIn'], operand: fc.constantFrom('x', 'y') },
];
const EMPTY_FIELDS = [
  'name',
  'amount',
  'closeOn',
  'meetAt',
  'stage',
  'tags',
  'owner',
  'watchers',
  'vip',
  'addr',
  'items',
  'items.sku',
  'items.qty',
];

const condition: fc.Arbitrary<FilterNode> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      field: fc.constantFrom(...EMPTY_FIELDS),
      op: fc.constantFrom('isEmpty' as const, 'isNotEmpty' as const),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.constantFrom(...SPECS).chain((s) =>
      fc.tuple(fc.constantFrom(...s.ops), s.operand).map(([op, value]) => {
        const node = { field: s.field, op, value } as Record<string, unknown>;
        if (op === 'isToday' || op === 'isThisWeek' || op === 'isThisMonth' || value === undefined)
          delete node['value'];
        if (
          (s.field === 'owner' || s.field === 'stage' || s.field === 'items.kind') &&
          (op === 'in' || op === 'notIn') &&
          !Array.isArray(value)
        )
          node['value'] = [value];
        return node as FilterNode;
      }),
    ),
  },
);

export const filterArb: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) }),
  ),
})).node;

export const ctxArb: fc.Arbitrary<FilterContext> = fc
  .record({
    ms: fc.oneof(
      fc.integer({ min: WINDOW_START, max: WINDOW_START + WINDOW_MS }),
      fc.integer({ min: WINDOW2_START, max: WINDOW2_START + WINDOW_MS }),
    ),
    timezone: fc.constantFrom(...ZONES),
    memberId: fc.option(members, { nil: undefined }),
    departmentIds: fc.option(fc.subarray(['d1', 'd2']), { nil: undefined }),
  })
  .map(({ ms, timezone, memberId, departmentIds }) => ({
    now: new Date(ms),
    timezone,
    ...(memberId === undefined ? {} : { memberId }),
    ...(departmentIds === undefined ? {} : { departmentIds }),
  }));
