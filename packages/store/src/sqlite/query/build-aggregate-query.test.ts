import fc from 'fast-check';
import { fieldRegistry } from '@formflow/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { recordDataArb } from './arbitraries.js';
import { buildAggregateQuery } from './build-aggregate-query.js';
import { QueryError } from './query-error.js';
import { insertRecords, openTestDb, queryTestForm as form } from './test-support.js';
import { addDays, zonedToday } from '@formflow/engine';

const ctx = { now: new Date('2025-03-05T00:00:00Z'), timezone: 'America/New_York' };

describe('buildAggregateQuery', () => {
  const t = openTestDb();
  afterAll(() => t.close());

  it('the sales funnel (count and sum of amount by stage) equals a JS reduce (100 runs)', () => {
    fc.assert(
      fc.property(fc.array(recordDataArb, { maxLength: 30 }), (datas) => {
        insertRecords(
          t.db,
          datas.map((data, i) => ({ id: `r${String(i)}`, data })),
        );
        const q = buildAggregateQuery(
          {
            workspaceId: 'w1',
            formId: 'deals',
            groupBy: [{ field: 'stage' }],
            measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
          },
          form,
          fieldRegistry,
          ctx,
        );
        const rows = t.db.prepare(q.sql).all(...q.params) as { g0: string | null; m0: number; m1: number | null }[];
        const expected = new Map<string | null, { count: number; sum: number | null }>();
        for (const d of datas) {
          const s = d['stage'];
          const key = typeof s === 'string' && s.trim() !== '' ? s : null;
          const e = expected.get(key) ?? { count: 0, sum: null };
          e.count++;
          const a = d['amount'];
          if (typeof a === 'number') e.sum = (e.sum ?? 0) + a;
          expected.set(key, e);
        }
        const got = new Map(rows.map((r) => [r.g0, { count: r.m0, sum: r.m1 }]));
        expect(got).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('grouped by an id key, folds blank text, lists, the text "[" and other values into the group key’s groups', () => {
    const stages: unknown[] = [
      '[',
      ['won'],
      ['['],
      [],
      '',
      ' \u3000',
      'won',
      'won ',
      '3',
      3,
      true,
      {},
      null,
      undefined,
    ];
    const amounts: unknown[] = [2, 1.5, -3, '2', undefined, 7];
    const datas = stages.flatMap((stage, i) =>
      amounts.slice(0, (i % amounts.length) + 1).map((amount) => ({
        ...(stage === undefined ? {} : { stage }),
        ...(amount === undefined ? {} : { amount }),
      })),
    );
    insertRecords(
      t.db,
      datas.map((data, i) => ({ id: `r${String(i)}`, data })),
    );
    const measures = [
      { agg: 'count' as const },
      { agg: 'sum' as const, field: 'amount' },
      { agg: 'avg' as const, field: 'amount' },
      { agg: 'min' as const, field: 'amount' },
      { agg: 'max' as const, field: 'amount' },
    ];
    const q = buildAggregateQuery(
      { workspaceId: 'w1', formId: 'deals', groupBy: [{ field: 'stage' }], measures },
      form,
      fieldRegistry,
      ctx,
    );
    expect(q.sql).toContain(`WHEN 'array' THEN '['`); // grouped by the id key, as a list index spells it
    const expected = new Map<string | null, unknown[]>();
    for (const d of datas) {
      const s = d['stage'];
      const key = typeof s === 'string' && s.trim() !== '' ? s : null;
      expected.set(key, [...(expected.get(key) ?? []), d['amount']]);
    }
    const stats = (values: unknown[]): (number | null)[] => {
      const n = values.filter((v): v is number => typeof v === 'number');
      const sum = n.reduce((a, b) => a + b, 0);
      return n.length === 0
        ? [values.length, null, null, null, null]
        : [values.length, sum, sum / n.length, Math.min(...n), Math.max(...n)];
    };
    const rows = t.db.prepare(q.sql).all(...q.params) as Record<string, string | number | null>[];
    expect(rows.map((r) => r['g0'])).toEqual([null, '3', '[', 'won', 'won ']);
    expect(new Map(rows.map((r) => [r['g0'], [r['m0'], r['m1'], r['m2'], r['m3'], r['m4']]]))).toEqual(
      new Map([...expected].map(([k, v]) => [k, stats(v)])),
    );
  });

  it('buckets date-times by the local date in ctx.timezone across a DST change, and dates by text', () => {
    const instants = [
      '2025-03-09T04:59:59.999Z',
      '2025-03-09T05:00:00.000Z',
      '2025-03-10T03:59:59.999Z',
      '2025-03-10T04:00:00.000Z',
      '2025-11-02T04:30:00+00:00',
      '2025-11-03T04:59:00Z',
      '2025-11-03T05:00:00Z',
    ];
    insertRecords(
      t.db,
      instants.map((meetAt, i) => ({ id: `r${String(i)}`, data: { meetAt, closeOn: instants[i]?.slice(0, 10) } })),
    );
    for (const bucket of ['day', 'week', 'month'] as const) {
      const q = buildAggregateQuery(
        { workspaceId: 'w1', formId: 'deals', groupBy: [{ field: 'meetAt', bucket }], measures: [{ agg: 'count' }] },
        form,
        fieldRegistry,
        ctx,
      );
      const rows = t.db.prepare(q.sql).all(...q.params) as { g0: string; m0: number }[];
      const expected = new Map<string, number>();
      for (const i of instants) {
        const day = zonedToday(new Date(i), ctx.timezone);
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        const key = bucket === 'day' ? day : bucket === 'month' ? day.slice(0, 7) : addDays(day, -((weekday + 6) % 7));
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      expect(new Map(rows.map((r) => [r.g0, r.m0]))).toEqual(expected);
    }
    const q = buildAggregateQuery(
      {
        workspaceId: 'w1',
        formId: 'deals',
        groupBy: [{ field: 'closeOn', bucket: 'week' }],
        measures: [{ agg: 'count' }],
      },
      form,
      fieldRegistry,
      ctx,
    );
    expect(t.db.prepare(q.sql).all(...q.params)).toEqual([
      { g0: '2025-03-03', m0: 2 },
      { g0: '2025-03-10', m0: 2 },
      { g0: '2025-10-27', m0: 1 },
      { g0: '2025-11-03', m0: 2 },
    ]);
  });

  it('refuses bad group-bys and measures', () => {
    const base = { workspaceId: 'w1', formId: 'deals', measures: [{ agg: 'count' as const }] };
    expect(() => buildAggregateQuery({ ...base, groupBy: [{ field: 'tags' }] }, form, fieldRegistry, ctx)).toThrow(
      QueryError,
    );
    expect(() =>
      buildAggregateQuery({ ...base, groupBy: [{ field: 'name', bucket: 'day' }] }, form, fieldRegistry, ctx),
    ).toThrow(QueryError);
    expect(() =>
      buildAggregateQuery(
        { ...base, groupBy: [{ field: 'stage"); DROP TABLE records;--' }] },
        form,
        fieldRegistry,
        ctx,
      ),
    ).toThrow(QueryError);
    expect(() =>
      buildAggregateQuery(
        { ...base, groupBy: [], measures: [{ agg: 'sum', field: 'name' }] },
        form,
        fieldRegistry,
        ctx,
      ),
    ).toThrow(QueryError);
  });
});
