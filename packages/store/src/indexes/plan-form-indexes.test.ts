import type { DashboardDef, ViewDef } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { boardView, dealsForm, quotesView, salesGroup, WS } from './indexes-test-support.js';
import { aggregateOrderTag, listOrderTag } from '../sqlite/query/index-keys.js';
import { formIndexPrefix, MAX_INDEXES_PER_FORM, planFormIndexes } from './plan-form-indexes.js';

const funnel: DashboardDef = {
  id: 'sales',
  name: '销售',
  widgets: [
    {
      id: 'funnel',
      type: 'funnel',
      title: '漏斗',
      formId: 'deals',
      dimensions: [{ field: 'stage' }],
      measures: [
        { id: 'n', agg: 'count' },
        { id: 's', agg: 'sum', field: 'amount' },
      ],
      layout: { x: 0, y: 0, w: 6, h: 4 },
    },
  ],
};

const idKey = (field: string, tag: number): string =>
  `(CASE json_type(data, '$."${field}"') WHEN 'text' THEN json_extract(data, '$."${field}"') WHEN 'array' THEN '[' ELSE ${String(tag)} END)`;
const DESC = listOrderTag([{ field: 'amount', direction: 'desc' }]);
const ASC = listOrderTag([{ field: 'amount', direction: 'asc' }]);
const FUNNEL = aggregateOrderTag([{ field: 'stage' }], [{ agg: 'sum', field: 'amount' }]);
const AMOUNT = `(CASE WHEN json_type(data, '$."amount"') IN ('integer', 'real') THEN json_extract(data, '$."amount"') END)`;

describe('planFormIndexes', () => {
  it('plans list orders, row-filter variants, covering aggregates and unique fields', () => {
    const plan = planFormIndexes(WS, dealsForm, {
      views: [
        quotesView,
        boardView,
        { id: 'cal', formId: 'deals', name: '日历', type: 'calendar', dateField: 'closeOn' },
      ],
      permissionGroups: [salesGroup],
      dashboards: [funnel],
    });
    const byPurpose = Object.fromEntries(plan.map((p) => [p.purpose, p.columns]));
    expect(Object.keys(byPurpose)).toEqual([
      'view:quotes',
      'view:cal',
      'view:quotes+row-filter',
      'view:cal+row-filter',
      'view:board',
      'view:board+row-filter',
      'unique:title',
    ]);
    // The grid view and the kanban board list the same way (stage, then amount desc): one index serves both.
    expect(byPurpose['view:quotes']).toEqual([idKey('stage', DESC), `(${AMOUNT} IS NULL)`, `${AMOUNT} DESC`, 'id']);
    expect(byPurpose['view:quotes+row-filter']).toEqual([
      idKey('owner', DESC),
      idKey('stage', DESC),
      `(${AMOUNT} IS NULL)`,
      `${AMOUNT} DESC`,
      'id',
    ]);
    // Sorted the other way, the same view is another order: its id keys carry another tag, and it gets no index.
    expect(ASC).not.toBe(DESC);
    expect(plan.flatMap((p) => p.columns)).not.toContain(idKey('stage', ASC));
    // The board's column sums and the dashboard funnel share one covering index: group key, then the summed value.
    expect(byPurpose['view:board']).toHaveLength(2);
    expect(byPurpose['view:board']?.[1]).toBe(AMOUNT);
    expect(byPurpose['view:board+row-filter']?.[0]).toBe(idKey('owner', FUNNEL));
    expect(byPurpose['unique:title']).toEqual([`json_extract(search, '$."title"')`]);
    expect(byPurpose['view:cal']?.[0]).toContain(`'$."closeOn"'`);
    for (const p of plan) {
      expect(p.name.startsWith(formIndexPrefix(WS, 'deals'))).toBe(true);
      expect(p.sql).toBe(
        `CREATE INDEX ${p.name} ON records (${p.columns.join(', ')}) WHERE workspace_id = '${WS}' AND form_id = 'deals' AND deleted_at IS NULL`,
      );
      expect(p.sql).not.toContain('?');
      expect(p.sql).not.toMatch(/\bSELECT\b/);
    }
    expect(new Set(plan.map((p) => p.name)).size).toBe(plan.length);
  });

  it('names the same plan the same way, and another workspace or form differently', () => {
    const sources = { views: [quotesView], permissionGroups: [salesGroup] };
    const names = planFormIndexes(WS, dealsForm, sources).map((p) => p.name);
    expect(planFormIndexes(WS, dealsForm, sources).map((p) => p.name)).toEqual(names);
    const other = planFormIndexes('other-ws', dealsForm, sources).map((p) => p.name);
    expect(other.some((n) => names.includes(n))).toBe(false);
  });

  it('leaves out what another index begins with, unindexable sort keys, other forms and unsafe ids', () => {
    const byStage: ViewDef = {
      id: 'st',
      formId: 'deals',
      name: 's',
      type: 'grid',
      filter: { field: 'stage', op: 'in', value: ['lead'] },
    };
    const byMeeting: ViewDef = {
      id: 'mt',
      formId: 'deals',
      name: 'm',
      type: 'grid',
      sort: [{ field: 'meetAt', direction: 'asc' }],
    };
    const elsewhere: ViewDef = { ...quotesView, id: 'x', formId: 'leads' };
    const plan = planFormIndexes(WS, dealsForm, { views: [byStage, quotesView, byMeeting, elsewhere] });
    // (stage, id) does not begin (stage, amount…, id): both stay. The date-time sort key cannot be indexed.
    expect(plan.map((p) => p.purpose)).toEqual(['view:st', 'view:quotes', 'unique:title']);
    const uniqueStage = planFormIndexes(
      WS,
      { ...dealsForm, fields: dealsForm.fields.map((f) => (f.id === 'stage' ? { ...f, unique: true } : f)) },
      { views: [byStage, { ...byStage, id: 'st2' }] },
    );
    // The unique stage index (stage) begins the unsorted view's (stage, id), and the two views are the same index.
    expect(uniqueStage.map((p) => p.purpose)).toEqual(['view:st', 'unique:title']);
    expect(planFormIndexes("ws' OR 1=1", dealsForm, { views: [quotesView] })).toEqual([]);
    expect(planFormIndexes(WS, { ...dealsForm, id: 'a b' }, { views: [quotesView] })).toEqual([]);
  });

  it(`keeps at most ${String(MAX_INDEXES_PER_FORM)} indexes per form`, () => {
    const fields = ['title', 'amount', 'closeOn', 'owner', 'stage'];
    const views: ViewDef[] = fields.flatMap((first) =>
      fields
        .filter((second) => second !== first)
        .map((second) => ({
          id: `${first}-${second}`,
          formId: 'deals',
          name: first,
          type: 'grid' as const,
          sort: [
            { field: first, direction: 'asc' as const },
            { field: second, direction: 'desc' as const },
          ],
        })),
    );
    const plan = planFormIndexes(WS, dealsForm, { views, permissionGroups: [salesGroup] });
    expect(views.length * 2).toBeGreaterThan(MAX_INDEXES_PER_FORM);
    expect(plan).toHaveLength(MAX_INDEXES_PER_FORM);
    expect(plan.map((p) => p.purpose).slice(0, 2)).toEqual(['view:title-amount', 'view:title-closeOn']);
  });
});
