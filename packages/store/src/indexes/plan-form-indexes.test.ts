import type { DashboardDef, ViewDef } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { crmApp, dealsForm as crmForm } from '../../../../bench/server/src/crm-form.js';
import { boardView, dealsForm, quotesView, salesGroup, WS } from './indexes-test-support.js';
import { JS_WHITESPACE_SQL } from '../sqlite/query/empty-sql.js';
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
const FUNNEL_OWN = aggregateOrderTag([{ field: 'stage' }], [{ agg: 'count', field: 'owner' }]);
const GROUP = (field: string): string =>
  `(CASE WHEN json_type(data, '$."${field}"') = 'text' AND trim(json_extract(data, '$."${field}"'), ${JS_WHITESPACE_SQL}) <> '' THEN json_extract(data, '$."${field}"') END)`;
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
    // The board's column sums and the funnel read the quotes list index (stage, then amount): none of their own.
    expect(Object.keys(byPurpose)).toEqual([
      'view:quotes',
      'view:cal',
      'view:quotes+row-filter',
      'view:cal+row-filter',
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
    // …because an aggregate of one field's values reads the list sorted by it descending, with that list's tag.
    expect(FUNNEL).toBe(DESC);
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

  it('plans 2 indexes for the CRM benchmark app: the quotes list order, and behind the sales row filter', () => {
    const plan = planFormIndexes(WS, crmForm, crmApp('role-sales'));
    expect(plan.map((p) => p.purpose)).toEqual(['view:quotes', 'view:quotes+row-filter']);
    expect(plan[0]?.columns).toEqual([idKey('stage', DESC), `(${AMOUNT} IS NULL)`, `${AMOUNT} DESC`, 'id']);
    expect(plan[1]?.columns[0]).toBe(idKey('owner', DESC));
  });

  it('keeps an aggregate index where no list index begins with its keys and holds its values', () => {
    const widget = (id: string, w: Partial<DashboardDef['widgets'][number]>): DashboardDef['widgets'][number] => ({
      ...funnel.widgets[0]!,
      id,
      ...w,
    });
    const dashboards: DashboardDef[] = [
      {
        id: 'd',
        name: 'd',
        widgets: [
          // Grouped by stage and owner: two group keys, grouped by their group keys (no list order to read).
          widget('two', { dimensions: [{ field: 'stage' }, { field: 'owner' }] }),
          // Filtered by owner: the quotes index does not begin with the owner.
          widget('mine', { filter: { field: 'owner', op: 'eq', value: 'm-01' } }),
          // Counting owners: `count(field)` measures a value the list index does not hold.
          widget('owners', { measures: [{ id: 'n', agg: 'count', field: 'owner' }] }),
          // By month: a bucket is no index column at all.
          widget('monthly', { dimensions: [{ field: 'closeOn', bucket: 'month' }] }),
        ],
      },
    ];
    const byClose: ViewDef = { ...boardView, id: 'close', sort: [{ field: 'closeOn', direction: 'asc' }] };
    const form = { ...dealsForm, fields: dealsForm.fields.map((f) => ({ ...f, unique: false })) };
    const plan = planFormIndexes(WS, form, { views: [byClose], dashboards });
    const byPurpose = Object.fromEntries(plan.map((p) => [p.purpose, p.columns]));
    expect(Object.keys(byPurpose)).toEqual([
      'view:close',
      'view:close:sums',
      'widget:two',
      'widget:mine',
      'widget:owners',
      'widget:monthly',
    ]);
    // A board sorted by its close date: its list index holds no amount, so its sums keep their covering index…
    expect(byPurpose['view:close:sums']).toEqual([idKey('stage', DESC), AMOUNT]);
    // …unless a list sorted by amount begins with its stage: then they read that one.
    const withQuotes = planFormIndexes(WS, form, { views: [quotesView, byClose] }).map((p) => p.purpose);
    expect(withQuotes).toEqual(['view:quotes', 'view:close']);
    expect(byPurpose['widget:two']?.slice(0, 2)).toEqual([GROUP('stage'), GROUP('owner')]);
    expect(byPurpose['widget:mine']).toEqual([idKey('owner', DESC), idKey('stage', DESC), AMOUNT]);
    expect(byPurpose['widget:owners']?.[0]).toBe(GROUP('stage'));
    expect(FUNNEL_OWN).not.toBe(DESC);
  });

  it('reads a list index behind the filter that both seek, and names a key sought and grouped by once', () => {
    const quotesBoard: ViewDef = { ...boardView, id: 'qb', filter: quotesView.filter! };
    const form = { ...dealsForm, fields: dealsForm.fields.map((f) => ({ ...f, unique: false })) };
    // The board filtered by stage, grouped by stage: its list index (stage, amount…) holds its sums.
    expect(planFormIndexes(WS, form, { views: [quotesBoard] }).map((p) => p.purpose)).toEqual(['view:qb']);
    const sorted: ViewDef = { ...quotesBoard, sort: [{ field: 'closeOn', direction: 'asc' }] };
    const plan = planFormIndexes(WS, form, { views: [sorted] });
    expect(plan.map((p) => p.purpose)).toEqual(['view:qb', 'view:qb:sums']);
    expect(plan[1]?.columns).toEqual([idKey('stage', DESC), AMOUNT]);
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
