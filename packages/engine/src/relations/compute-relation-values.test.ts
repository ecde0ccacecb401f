import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { computeRelationValues, type LinkedRecordLoader } from './compute-relation-values.js';
import { relationLinks } from './relation-links.js';
import { relationPlan } from './relation-plan.js';

const f = (id: string, type: FieldDef['type'], settings?: FieldDef['settings']): FieldDef => ({
  id,
  type,
  label: id,
  ...(settings ? { settings } : {}),
});

const contracts: FormDef = {
  id: 'contracts',
  name: 'Contracts',
  fields: [
    f('customer', 'relation', { formId: 'customers' }),
    f('customerPhone', 'lookup', { relationField: 'customer', field: 'phone' }),
    f('amount', 'money'),
    f('label', 'formula', { formula: { cat: [{ var: 'customerPhone' }, '/', { var: 'amount' }] }, resultType: 'text' }),
  ],
};

const customers: FormDef = {
  id: 'customers',
  name: 'Customers',
  fields: [
    f('phone', 'phone'),
    f('region', 'text'),
    f('contracts', 'relation', { formId: 'contracts', multiple: true }),
    f('phones', 'lookup', { relationField: 'contracts', field: 'amount' }),
    f('total', 'rollup', { source: 'contracts', field: 'amount', aggregation: 'sum' }),
    f('count', 'rollup', { source: 'contracts', aggregation: 'count' }),
    f('avg', 'rollup', { source: 'contracts', field: 'amount', aggregation: 'avg', decimals: 1 }),
    f('largest', 'rollup', { source: 'contracts', field: 'amount', aggregation: 'max' }),
    f('smallest', 'rollup', { source: 'contracts', field: 'amount', aggregation: 'min' }),
    f('big', 'rollup', {
      source: 'contracts',
      field: 'amount',
      aggregation: 'sum',
      condition: { and: [{ '>=': [{ var: 'amount' }, 100] }, { '==': [{ var: 'region' }, 'east'] }] },
    }),
  ],
};

function loaderOf(records: Record<string, { formId: string; data: Record<string, JsonValue> }>): LinkedRecordLoader {
  return (formId, id) => (records[id]?.formId === formId ? records[id].data : undefined);
}

describe('computeRelationValues', () => {
  const db = {
    c1: { formId: 'customers', data: { phone: '13800138000' } },
    k1: { formId: 'contracts', data: { amount: 100 } },
    k2: { formId: 'contracts', data: { amount: 50.25 } },
    k3: { formId: 'contracts', data: { amount: 200 } },
    other: { formId: 'opportunities', data: { amount: 9999 } },
  };
  const load = loaderOf(db);

  it('looks up a single relation and re-evaluates the formula reading it', () => {
    const result = computeRelationValues(contracts, { customer: 'c1', amount: 7 }, load);
    expect(result.values).toEqual({ customer: 'c1', amount: 7, customerPhone: '13800138000', label: '13800138000/7' });
    expect(result.changed.sort()).toEqual(['customerPhone', 'label']);
  });

  it('gives null for a missing record or a record of another form, and reports no change when nothing differs', () => {
    const stale = { customer: 'nope', customerPhone: '1' };
    expect(computeRelationValues(contracts, stale, load).values['customerPhone']).toBeNull();
    expect(computeRelationValues(contracts, { ...stale, customer: 'k1' }, load).values['customerPhone']).toBeNull();
    const same = computeRelationValues(contracts, { customer: 'c1', customerPhone: '13800138000' }, load, {
      slots: new Set(['customer']),
    });
    expect(same.changed).toEqual([]);
  });

  it('aggregates over the linked records, skipping missing ones and records of other forms', () => {
    const { values } = computeRelationValues(
      customers,
      { region: 'east', contracts: ['k1', 'gone', 'k2', 'other', 'k3'] },
      load,
    );
    expect(values).toMatchObject({
      phones: [100, 50.25, 200],
      total: 350.25,
      count: 3,
      avg: 116.8,
      largest: 200,
      smallest: 50.25,
      big: 300,
    });
  });

  it('evaluates the condition over the linked record on top of this record', () => {
    const { values } = computeRelationValues(customers, { region: 'west', contracts: ['k1', 'k3'] }, load);
    expect(values['big']).toBe(0);
    expect(values['total']).toBe(300);
  });

  it('gives 0 for count and sum and null for avg/min/max and lookups over no linked record', () => {
    const before = { contracts: null, phones: [1], total: 1, count: 1, avg: 1, largest: 1, smallest: 1 };
    const { values } = computeRelationValues(customers, before, load);
    expect(values).toMatchObject({ phones: null, total: 0, count: 0, avg: null, largest: null, smallest: null });
    // An absent value and null are the same "empty": nothing to write.
    expect(computeRelationValues(customers, { contracts: null, total: 0, count: 0, big: 0 }, load).changed).toEqual([]);
  });

  it('recomputes only the derived fields of the given slots', () => {
    const { values, changed } = computeRelationValues(customers, { contracts: ['k1'], total: 1 }, load, {
      slots: new Set(['elsewhere']),
    });
    expect(values['total']).toBe(1);
    expect(changed).toEqual([]);
  });
});

describe('sub-table rows', () => {
  const orders: FormDef = {
    id: 'orders',
    name: 'Orders',
    fields: [
      {
        ...f('lines', 'subtable', {
          fields: [
            f('product', 'relation', { formId: 'products' }) as never,
            f('price', 'lookup', { relationField: 'product', field: 'price' }) as never,
            f('qty', 'number') as never,
            f('amount', 'formula', {
              formula: { '*': [{ var: 'price' }, { var: 'qty' }] },
              resultType: 'number',
            }) as never,
          ],
        }),
      },
      f('total', 'rollup', { source: 'lines', field: 'amount', aggregation: 'sum' }),
      f('withTax', 'formula', { formula: { '*': [{ var: 'total' }, 1.1] }, resultType: 'number', decimals: 2 }),
      f('note', 'text'),
    ],
  };
  const load = loaderOf({
    p1: { formId: 'products', data: { price: 10 } },
    p2: { formId: 'products', data: { price: 3.5 } },
  });

  it('looks up per row and refreshes column formulas, the sub-table rollup and formulas on top of it', () => {
    const data = {
      lines: [
        { _id: 'r1', product: 'p1', qty: 2 },
        { _id: 'r2', product: 'p2', qty: 4 },
      ],
      note: 'x',
    };
    const { values, changed } = computeRelationValues(orders, data, load);
    expect(values['lines']).toEqual([
      { _id: 'r1', product: 'p1', qty: 2, price: 10, amount: 20 },
      { _id: 'r2', product: 'p2', qty: 4, price: 3.5, amount: 14 },
    ]);
    expect(values['total']).toBe(34);
    expect(values['withTax']).toBe(37.4);
    expect(changed.sort()).toEqual(['lines', 'total', 'withTax']);
  });

  it('lists the links of every row, keyed by sub-table and column', () => {
    expect(relationPlan(orders).slots.map((s) => s.key)).toEqual(['lines.product']);
    expect(relationLinks(orders, { lines: [{ product: 'p1' }, { product: 'p2' }, { product: 'p1' }, 'junk'] })).toEqual(
      [
        { key: 'lines.product', toRecordId: 'p1' },
        { key: 'lines.product', toRecordId: 'p2' },
      ],
    );
  });
});

describe('columns reading other relations, and what is left alone', () => {
  const load = loaderOf({
    c1: { formId: 'customers', data: { tier: 'A' } },
    t1: { formId: 'tags', data: { weight: 2 } },
    t2: { formId: 'tags', data: { weight: 5 } },
  });
  const form: FormDef = {
    id: 'visits',
    name: 'Visits',
    fields: [
      f('customer', 'relation', { formId: 'customers' }),
      f('tier', 'lookup', { relationField: 'customer', field: 'tier' }),
      f('note', 'text'),
      {
        ...f('rows', 'subtable', {
          fields: [
            f('tags', 'relation', { formId: 'tags', multiple: true }) as never,
            f('weight', 'rollup', { source: 'tags', field: 'weight', aggregation: 'sum' }) as never,
            f('rowTier', 'lookup', { relationField: 'customer', field: 'tier' }) as never,
          ],
        }),
      },
    ],
    logic: [{ id: 'fill', kind: 'assign', field: 'note', value: { cat: ['tier ', { var: 'tier' }] } }],
  };

  it('rolls up a row relation per row, and lets a column look up through a top-level relation', () => {
    const { values } = computeRelationValues(
      form,
      { customer: 'c1', note: 'typed by a person', rows: [{ tags: ['t1', 't2'] }, { tags: ['t2'] }, {}] },
      load,
    );
    expect(values['tier']).toBe('A');
    expect(values['rows']).toEqual([
      { tags: ['t1', 't2'], weight: 7, rowTier: 'A' },
      { tags: ['t2'], weight: 5, rowTier: 'A' },
      { weight: 0, rowTier: 'A' },
    ]);
    // Value-linkage rules belong to the person filling the form: a derived change does not re-run them.
    expect(values['note']).toBe('typed by a person');
  });
});
