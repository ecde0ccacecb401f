import { fieldRegistry, type FilterContext } from '@formflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAggregateQuery } from '../sqlite/query/build-aggregate-query.js';
import { buildListQuery } from '../sqlite/query/build-list-query.js';
import { dropFormIndexes, ensureFormIndexes, formIndexNames, refreshFormIndexStats } from './ensure-form-indexes.js';
import {
  boardView,
  dealData,
  dealsForm,
  insertDeals,
  MEMBERS,
  openIndexTestStore,
  planOf,
  quotesView,
  rowsReached,
  salesGroup,
  tableReadsOfFullScans,
  WS,
  type IndexTestStore,
} from './indexes-test-support.js';

const N = 6000;
const sources = { views: [quotesView, boardView], permissionGroups: [salesGroup] };
const ctxOf = (memberId: string): FilterContext => ({
  memberId,
  now: new Date('2025-06-01T00:00:00Z'),
  timezone: 'Asia/Shanghai',
});
const opts = { foldFunction: true };

/** The quotes view's pages in JS: stage quote (and the owner's), amount desc with missing amounts last, then id. */
function expectedQuotes(owner?: string): string[] {
  return Array.from({ length: N }, (_, i) => ({ id: `deals-${String(i).padStart(7, '0')}`, data: dealData(i) }))
    .filter((r) => r.data['stage'] === 'quote' && (owner === undefined || r.data['owner'] === owner))
    .sort((a, b) => {
      const x = a.data['amount'] as number | undefined;
      const y = b.data['amount'] as number | undefined;
      if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : y - x;
      return a.id < b.id ? -1 : 1;
    })
    .map((r) => r.id);
}

describe('ensureFormIndexes on a real store', () => {
  let t: IndexTestStore;
  beforeAll(() => {
    t = openIndexTestStore();
    insertDeals(t.db, N);
    insertDeals(t.db, 500, { formId: 'other' });
  });
  afterAll(() => t.close());

  it('creates the planned indexes and ANALYZEs them, then changes nothing when run again', () => {
    const first = ensureFormIndexes(t.db, { workspaceId: WS, form: dealsForm, sources });
    expect(first.created).toHaveLength(first.planned.length);
    // The board lists as the quotes view does, and its column sums read that list index: 2 indexes and the unique.
    expect(first.planned.map((p) => p.purpose)).toEqual(['view:quotes', 'view:quotes+row-filter', 'unique:title']);
    expect(first.dropped).toEqual([]);
    expect(first.analyzed).toEqual([...first.created, 'records_by_form']);
    expect(formIndexNames(t.db, WS, 'deals')).toEqual([...first.created].sort());
    const stats = t.db.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'records'").all() as {
      idx: string;
      stat: string;
    }[];
    for (const name of first.created) {
      expect(stats.find((s) => s.idx === name)?.stat.split(' ')[0]).toBe(String(N));
    }
    const again = ensureFormIndexes(t.db, { workspaceId: WS, form: dealsForm, sources });
    expect(again).toMatchObject({ created: [], dropped: [], analyzed: [] });
  });

  it('lists a view page through its index: seeks the stage (and owner) and stops after the page', () => {
    for (const owner of [undefined, MEMBERS[3]!]) {
      const ctx = ctxOf(owner ?? MEMBERS[0]!);
      const input = {
        workspaceId: WS,
        formId: 'deals',
        filter: quotesView.filter!,
        sort: quotesView.sort!,
        limit: 20,
        ...(owner ? { scope: salesGroup.rowFilter! } : {}),
      };
      const query = buildListQuery(input, dealsForm, fieldRegistry, ctx, opts);
      expect(planOf(t.db, query)).toMatch(
        owner ? /USING INDEX ffx_\w+ \(<expr>=\? AND <expr>=\?\)/ : /USING INDEX ffx_\w+ \(<expr>=\?\)/,
      );
      const { rows, reached } = rowsReached(t.db, query);
      const expected = expectedQuotes(owner);
      expect((rows as { id: string }[]).map((r) => r.id)).toEqual(expected.slice(0, 20));
      // An early-out of the ordered scan: not every matching row (hundreds) reaches the end of the WHERE clause.
      expect(reached).toBeLessThanOrEqual(21);
      const next = buildListQuery(
        { ...input, cursor: query.cursorOf(rows.at(-1) as Record<string, unknown>) },
        dealsForm,
        fieldRegistry,
        ctx,
        opts,
      );
      expect((t.db.prepare(next.sql).all(...next.params) as { id: string }[]).map((r) => r.id)).toEqual(
        expected.slice(20, 40),
      );
    }
  });

  it('answers the funnel from the quotes list index, in group order, and a member’s funnel through a sub-query', () => {
    const [quotes, quotesOfOwner] = ensureFormIndexes(t.db, { workspaceId: WS, form: dealsForm, sources }).planned;
    const measures = [{ agg: 'count' as const }, { agg: 'sum' as const, field: 'amount' }];
    const all = buildAggregateQuery(
      { workspaceId: WS, formId: 'deals', groupBy: [{ field: 'stage' }], measures },
      dealsForm,
      fieldRegistry,
      ctxOf(MEMBERS[0]!),
      opts,
    );
    // The list index read in full, in its stage order (no sort of its rows) and without the records; the rows of
    // the stage key '[' (lists, and the text '[') sought apart; only the grouped rows are then grouped again.
    const plan = planOf(t.db, all).split('\n');
    expect(plan.filter((l) => / r\b/.test(l))).toEqual([
      `SCAN r USING INDEX ${quotes!.name}`,
      `SEARCH r USING INDEX ${quotes!.name} (<expr>=?)`,
    ]);
    expect(plan.filter((l) => l.includes('TEMP B-TREE'))).toHaveLength(2); // the '[' rows' groups, the final groups
    // Keys and amounts come from the index: no record is read per entry (one per stage, which SQLite insists on).
    const reads = tableReadsOfFullScans(t.db, all);
    expect(reads).toMatchObject({ scans: 1, perRow: [] });
    expect(reads.perGroup.length).toBeLessThanOrEqual(1);
    // The same check sees a per-row read: the first branch summing a value the index does not hold.
    const amount = `json_type(r.data, '$."amount"')`;
    const other = { ...all, sql: all.sql.replace(amount, `json_type(r.data, '$."closeOn"')`) };
    expect(other.sql).not.toBe(all.sql);
    expect(tableReadsOfFullScans(t.db, other).perRow).toContain(4);
    const mine = buildAggregateQuery(
      { workspaceId: WS, formId: 'deals', groupBy: [{ field: 'stage' }], measures, scope: salesGroup.rowFilter! },
      dealsForm,
      fieldRegistry,
      ctxOf(MEMBERS[2]!),
      opts,
    );
    expect(mine.sql).toContain('LIMIT -1)');
    // The owner's keys sought in the list index behind the owner; their stage keys and amounts grouped.
    const minePlan = planOf(t.db, mine).split('\n');
    expect(minePlan.filter((l) => / r\b/.test(l))).toEqual([
      `SEARCH r USING INDEX ${quotesOfOwner!.name} (<expr>=?)`,
      `SEARCH r USING INDEX ${quotesOfOwner!.name} (<expr>=? AND <expr>=?)`,
    ]);
    expect(minePlan.join('\n')).toMatch(/SCAN \(subquery-\d+\)\nUSE TEMP B-TREE FOR GROUP BY\nUNION ALL/);
    for (const [query, owner] of [
      [all, undefined],
      [mine, MEMBERS[2]],
    ] as const) {
      const expected = new Map<string, { m0: number; m1: number }>();
      for (let i = 0; i < N; i++) {
        const d = dealData(i);
        if (owner && d['owner'] !== owner) continue;
        const g = expected.get(d['stage'] as string) ?? { m0: 0, m1: 0 };
        g.m0++;
        g.m1 += (d['amount'] as number | undefined) ?? 0;
        expected.set(d['stage'] as string, g);
      }
      const rows = t.db.prepare(query.sql).all(...query.params) as { g0: string; m0: number; m1: number }[];
      expect(rows.map((r) => r.g0)).toEqual([...expected.keys()].sort());
      expect(new Map(rows.map((r) => [r.g0, { m0: r.m0, m1: r.m1 }]))).toEqual(expected);
    }
  });

  it('gives statistics to an index beginning with workspace_id that has none, which would mislead the planner', () => {
    t.db.exec(
      `CREATE INDEX by_hand ON records (workspace_id, json_extract(data, '$."stage"')) WHERE form_id = 'deals'`,
    );
    const input = { workspaceId: WS, formId: 'deals', filter: quotesView.filter!, sort: quotesView.sort!, limit: 10 };
    const q = buildListQuery(input, dealsForm, fieldRegistry, ctxOf(MEMBERS[0]!), opts);
    expect(planOf(t.db, q)).toContain('USING INDEX records_by_form');
    expect(refreshFormIndexStats(t.db, WS, 'deals')).toContain('by_hand');
    expect(planOf(t.db, q)).toContain('USING INDEX ffx_');
    t.db.exec('DROP INDEX by_hand');
  });

  it('drops what the views no longer need, leaves other forms alone, and drops all of a deleted form', () => {
    const other = ensureFormIndexes(t.db, {
      workspaceId: WS,
      form: { ...dealsForm, id: 'other' },
      sources: { views: [{ ...quotesView, formId: 'other' }] },
    });
    expect(other.created.length).toBeGreaterThan(0);
    const before = formIndexNames(t.db, WS, 'deals');
    const changed = ensureFormIndexes(t.db, { workspaceId: WS, form: dealsForm, sources: { views: [quotesView] } });
    expect(changed.created).toEqual([]);
    expect(changed.dropped.length).toBeGreaterThan(0);
    expect(formIndexNames(t.db, WS, 'deals')).toEqual(before.filter((n) => !changed.dropped.includes(n)));
    expect(formIndexNames(t.db, WS, 'other')).toEqual([...other.created].sort());
    expect(dropFormIndexes(t.db, WS, 'deals').length).toBe(changed.planned.length);
    expect(formIndexNames(t.db, WS, 'deals')).toEqual([]);
    expect(formIndexNames(t.db, WS, 'other')).toHaveLength(other.created.length);
  });

  it('uses indexes made while the form was empty once it fills, before any new ANALYZE', () => {
    const fresh = openIndexTestStore();
    try {
      const made = ensureFormIndexes(fresh.db, { workspaceId: WS, form: dealsForm, sources });
      expect(made.analyzed).toContain('records_by_form');
      insertDeals(fresh.db, 3000);
      const input = { workspaceId: WS, formId: 'deals', filter: quotesView.filter!, sort: quotesView.sort!, limit: 10 };
      for (const scope of [undefined, salesGroup.rowFilter!]) {
        const q = buildListQuery(
          { ...input, ...(scope ? { scope } : {}) },
          dealsForm,
          fieldRegistry,
          ctxOf(MEMBERS[1]!),
          opts,
        );
        expect(planOf(fresh.db, q)).toContain('USING INDEX ffx_');
        expect(rowsReached(fresh.db, q).reached).toBeLessThanOrEqual(11);
      }
    } finally {
      fresh.close();
    }
  });

  it('refreshes statistics taken when the form was small, once it has grown', () => {
    const fresh = openIndexTestStore();
    try {
      insertDeals(fresh.db, 10);
      ensureFormIndexes(fresh.db, { workspaceId: WS, form: dealsForm, sources });
      expect(refreshFormIndexStats(fresh.db, WS, 'deals')).toEqual([]);
      insertDeals(fresh.db, 3000, { from: 10 });
      const analyzed = refreshFormIndexStats(fresh.db, WS, 'deals');
      expect(analyzed).toEqual([...formIndexNames(fresh.db, WS, 'deals'), 'records_by_form']);
      expect(refreshFormIndexStats(fresh.db, WS, 'deals')).toEqual([]);
      const q = buildListQuery(
        { workspaceId: WS, formId: 'deals', filter: quotesView.filter!, sort: quotesView.sort!, limit: 10 },
        dealsForm,
        fieldRegistry,
        ctxOf(MEMBERS[0]!),
        opts,
      );
      expect(planOf(fresh.db, q)).toContain('USING INDEX ffx_');
    } finally {
      fresh.close();
    }
  });
});
