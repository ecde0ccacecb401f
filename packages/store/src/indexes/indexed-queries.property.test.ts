import fc from 'fast-check';
import { checkFilter, compileFilter, compileSort, fieldRegistry, type FilterContext } from '@formflow/engine';
import type { DashboardDef, FilterNode, PermissionGroupDef, SortSpec, ViewDef } from '@formflow/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { ctxArb, filterArb, recordDataArb } from '../sqlite/query/arbitraries.js';
import { buildAggregateQuery, type MeasureSpec } from '../sqlite/query/build-aggregate-query.js';
import { buildListQuery } from '../sqlite/query/build-list-query.js';
import { insertRecords, openTestDb, queryTestForm as form, type TestRecord } from '../sqlite/query/test-support.js';
import { ensureFormIndexes } from './ensure-form-indexes.js';

const RUNS = Number(process.env['QUERY_PROPERTY_RUNS'] ?? 400) / 2;

/** Date.parse accepts strings that are not ISO instants; SQL sorts them last (sqlite/query/README.md). */
const LENIENT = new Set(['2025-02-30T00:00Z', '2025-03-01T24:00Z', '2025-03-01', '2025-03-01T10:00']);
const strict = (d: Record<string, unknown>): Record<string, unknown> =>
  LENIENT.has(d['meetAt'] as string) ? { ...d, meetAt: 'soon' } : d;

const SORTABLE = ['name', 'amount', 'closeOn', 'meetAt', 'stage', 'vip', 'owner'];
const sortArb: fc.Arbitrary<SortSpec[]> = fc
  .uniqueArray(fc.constantFrom(...SORTABLE), { minLength: 0, maxLength: 2 })
  .chain((fields) =>
    fc.tuple(
      ...fields.map((field) =>
        fc.constantFrom('asc' as const, 'desc' as const).map((direction) => ({ field, direction })),
      ),
    ),
  );

const ROW_FILTERS: FilterNode[] = [
  { field: 'owner', op: 'isCurrentMember' },
  { field: 'dept', op: 'isCurrentDepartment' },
  { field: 'stage', op: 'in', value: ['lead', 'won'] },
  {
    and: [
      { field: 'owner', op: 'isCurrentMember' },
      { field: 'stage', op: 'eq', value: 'won' },
    ],
  },
];
const GROUPS = ['stage', 'owner', 'closeOn', 'amount', 'vip', 'name'];

/**
 * Values of single-valued id fields that the id key and the group key tell apart differently (index-keys.ts): the
 * text `'['` (the id key of a list), blank text, lists (of `'['` too), numbers, numbers as text, booleans, objects.
 */
const ODD_IDS: unknown[] = [
  '[',
  '',
  ' ',
  '\u3000\t',
  'won',
  'won ',
  'lead',
  'm1',
  'd1',
  ['won'],
  ['['],
  [],
  {},
  3,
  '3',
  null,
  true,
];
const oddIdsArb = fc.record(
  { stage: fc.constantFrom(...ODD_IDS), owner: fc.constantFrom(...ODD_IDS), dept: fc.constantFrom(...ODD_IDS) },
  { requiredKeys: [] },
);
/** Aggregates that read a list order's index by the group's id key: count(*) and measures of amount only. */
const ID_GROUPS = ['stage', 'owner', 'dept'];
const amountMeasuresArb: fc.Arbitrary<MeasureSpec[]> = fc
  .tuple(
    fc.boolean(),
    fc.uniqueArray(fc.constantFrom('sum' as const, 'avg' as const, 'min' as const, 'max' as const), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([count, aggs]) => [
    ...(count ? [{ agg: 'count' as const }] : []),
    ...aggs.map((agg) => ({ agg, field: 'amount' })),
  ]);

/** count, sum, avg, min, max of the numbers among `values` as SQL gives them (NULL without a number). */
function measureOf(agg: string, values: readonly unknown[]): number | null {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (agg === 'count') return values.length;
  if (numbers.length === 0) return null;
  const sum = numbers.reduce((a, b) => a + b, 0);
  if (agg === 'sum') return sum;
  if (agg === 'avg') return sum / numbers.length;
  return agg === 'min' ? Math.min(...numbers) : Math.max(...numbers);
}

/** The group key as the aggregate SQL defines it (bucket-sql.ts): non-blank text, numbers, booleans as 0/1. */
function groupKey(field: string, v: unknown): string | number | null {
  if (field === 'amount') return typeof v === 'number' ? v : null;
  if (field === 'vip') return v === true ? 1 : v === false ? 0 : null;
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

describe('queries over the IndexManager’s indexes agree with the engine', () => {
  const t = openTestDb();
  t.db.exec('CREATE INDEX records_by_form ON records (workspace_id, form_id, deleted_at, id)');
  /** The same records without the form's indexes: aggregates must answer the same rows, in the same order. */
  const plain = openTestDb();
  afterAll(() => {
    t.close();
    plain.close();
  });
  const opts = { foldFunction: true };

  it(`lists pages and aggregates exactly, with a view's and a row filter's indexes in place (${String(RUNS)} runs)`, () => {
    let checked = 0;
    let servedByList = 0;
    fc.assert(
      fc.property(
        fc.array(recordDataArb, { minLength: 1, maxLength: 30 }),
        fc.option(filterArb, { nil: undefined }),
        sortArb,
        fc.option(fc.constantFrom(...ROW_FILTERS), { nil: undefined }),
        ctxArb,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(...GROUPS),
        fc.array(fc.option(oddIdsArb, { nil: undefined }), { maxLength: 30 }),
        fc.constantFrom(...ID_GROUPS),
        amountMeasuresArb,
        (datas, filter, sort, rowFilter, ctx: FilterContext, limit, group, odd, idGroup, amountMeasures) => {
          if (filter && checkFilter(filter, form, fieldRegistry).length > 0) return;
          const records: TestRecord[] = datas.map((data, i) => ({
            id: `r${String(i).padStart(2, '0')}`,
            data: strict({ ...data, ...odd[i] }),
          }));
          insertRecords(t.db, records);
          insertRecords(plain.db, records);
          const view: ViewDef = {
            id: 'v',
            formId: 'deals',
            name: 'v',
            type: 'grid',
            ...(filter ? { filter } : {}),
            sort,
          };
          const board: ViewDef = {
            id: 'b',
            formId: 'deals',
            name: 'b',
            type: 'kanban',
            groupBy: 'stage',
            sumField: 'amount',
            // Sorted as the funnel's list order (amount desc): its list index serves the funnel (no index of its own).
            sort: [{ field: 'amount', direction: 'desc' }],
            ...(filter ? { filter } : {}),
          };
          const dashboard: DashboardDef = {
            id: 'd',
            name: 'd',
            widgets: [
              {
                id: 'w',
                type: 'bar',
                title: 'w',
                formId: 'deals',
                dimensions: [{ field: idGroup }],
                measures: amountMeasures.map((m, i) => ({ id: `m${String(i)}`, ...m })),
                ...(filter ? { filter } : {}),
                layout: { x: 0, y: 0, w: 1, h: 1 },
              },
            ],
          };
          const groups: PermissionGroupDef[] = rowFilter
            ? [
                {
                  id: 'g',
                  formId: 'deals',
                  name: 'g',
                  principals: [{ kind: 'everyone' }],
                  actions: ['view'],
                  rowFilter,
                },
              ]
            : [];
          const { planned } = ensureFormIndexes(t.db, {
            workspaceId: 'w1',
            form,
            sources: { views: [view, board], permissionGroups: groups, dashboards: [dashboard] },
          });
          // The board's sums read its list index (stage, then amount desc) rather than an index of their own.
          if (planned.some((p) => p.purpose === 'view:b') && !planned.some((p) => p.purpose === 'view:b:sums'))
            servedByList++;

          const keepFilter = filter ? compileFilter(filter, form, fieldRegistry) : () => true;
          const keepScope = rowFilter ? compileFilter(rowFilter, form, fieldRegistry) : () => true;
          const kept = records.filter((r) => keepFilter(r.data, ctx) && keepScope(r.data, ctx));
          const cmp = compileSort(sort, form, fieldRegistry);
          const expected = [...kept].sort((a, b) => cmp(a.data, b.data) || (a.id < b.id ? -1 : 1)).map((r) => r.id);

          const input = {
            workspaceId: 'w1',
            formId: 'deals',
            sort,
            ...(filter ? { filter } : {}),
            ...(rowFilter ? { scope: rowFilter } : {}),
          };
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let i = 0; i < 40; i++) {
            const q = buildListQuery(
              { ...input, limit, ...(cursor ? { cursor } : {}) },
              form,
              fieldRegistry,
              ctx,
              opts,
            );
            const rows = t.db.prepare(q.sql).all(...q.params) as Record<string, unknown>[];
            seen.push(...rows.map((r) => String(r['id'])));
            if (rows.length < limit) break;
            cursor = q.cursorOf(rows.at(-1) ?? {});
          }
          expect(seen, JSON.stringify({ filter, sort, rowFilter })).toEqual(expected);

          const measures = [
            { agg: 'count' as const },
            { agg: 'sum' as const, field: 'amount' },
            { agg: 'count' as const, field: 'owner' },
          ];
          const a = buildAggregateQuery(
            { ...input, groupBy: [{ field: group }], measures },
            form,
            fieldRegistry,
            ctx,
            opts,
          );
          const got = t.db.prepare(a.sql).all(...a.params) as {
            g0: string | number | null;
            m0: number;
            m1: number | null;
            m2: number;
          }[];
          const sums = new Map<string | number | null, { m0: number; m1: number | null; m2: number }>();
          for (const r of kept) {
            const key = groupKey(group, r.data[group]);
            const s = sums.get(key) ?? { m0: 0, m1: null, m2: 0 };
            s.m0++;
            const amount = r.data['amount'];
            if (typeof amount === 'number') s.m1 = (s.m1 ?? 0) + amount;
            if (r.data['owner'] !== undefined && r.data['owner'] !== null) s.m2++;
            sums.set(key, s);
          }
          expect(new Map(got.map((g) => [g.g0, { m0: g.m0, m1: g.m1, m2: g.m2 }])), a.sql).toEqual(sums);

          // Grouped by an id key and folded (groupsByIdKey): the engine's groups, and the unindexed answer exactly.
          const f = buildAggregateQuery(
            { ...input, groupBy: [{ field: idGroup }], measures: amountMeasures },
            form,
            fieldRegistry,
            ctx,
            opts,
          );
          const folded = t.db.prepare(f.sql).all(...f.params) as Record<string, string | number | null>[];
          expect(folded, f.sql).toEqual(plain.db.prepare(f.sql).all(...f.params));
          const byKey = new Map<string | number | null, unknown[]>();
          for (const r of kept) {
            const key = groupKey(idGroup, r.data[idGroup]);
            byKey.set(key, [...(byKey.get(key) ?? []), r.data['amount']]);
          }
          const wanted = new Map(
            [...byKey].map(([key, amounts]) => [key, amountMeasures.map((m) => measureOf(m.agg, amounts))]),
          );
          const answered = new Map(
            folded.map((g) => [g['g0'] ?? null, amountMeasures.map((_, i) => g[`m${String(i)}`])]),
          );
          expect(answered, JSON.stringify({ filter, rowFilter, idGroup, amountMeasures })).toEqual(wanted);
          const keys = folded.map((g) => g['g0'] ?? null);
          expect(keys).toEqual(
            [...keys].sort((x, y) => (x === null ? -1 : y === null ? 1 : x < y ? -1 : x > y ? 1 : 0)),
          );
          checked++;
        },
      ),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 2);
    expect(servedByList).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
