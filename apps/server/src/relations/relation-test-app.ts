import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';

/** Test support: the forms the relation suites install (customers ⇄ contracts, invoices, a same-form chain, orders). */
const f = (id: string, type: FieldDef['type'], settings?: FieldDef['settings'], label: string = id): FieldDef => ({
  id,
  type,
  label,
  ...(settings ? { settings } : {}),
});

export const customersForm: FormDef = {
  id: 'customers',
  name: { 'zh-CN': '客户', en: 'Customers' },
  fields: [
    f('name', 'text', undefined, '客户名称'),
    f('phone', 'phone'),
    f('contracts', 'relation', { formId: 'contracts', multiple: true }, '合同'),
    f('contractTotal', 'rollup', { source: 'contracts', field: 'amount', aggregation: 'sum', decimals: 2 }),
    f('contractCount', 'rollup', { source: 'contracts', aggregation: 'count' }),
    f('signedTotal', 'rollup', {
      source: 'contracts',
      field: 'amount',
      aggregation: 'sum',
      condition: { '==': [{ var: 'status' }, 'signed'] },
    }),
  ],
};

export const contractsForm: FormDef = {
  id: 'contracts',
  name: { 'zh-CN': '合同', en: 'Contracts' },
  fields: [
    f('title', 'text'),
    f('customer', 'relation', { formId: 'customers' }, '客户'),
    f('customerPhone', 'lookup', { relationField: 'customer', field: 'phone' }),
    f('amount', 'money'),
    f('status', 'text'),
  ],
};

export const invoicesForm: FormDef = {
  id: 'invoices',
  name: { 'zh-CN': '发票', en: 'Invoices' },
  fields: [
    f('contract', 'relation', { formId: 'contracts' }),
    f('phone', 'lookup', { relationField: 'contract', field: 'customerPhone' }),
  ],
};

/** A same-form chain: `label` is the parent's label, or the record's own name at the root. */
export const nodesForm: FormDef = {
  id: 'nodes',
  name: 'Nodes',
  fields: [
    f('name', 'text'),
    f('parent', 'relation', { formId: 'nodes' }),
    f('up', 'lookup', { relationField: 'parent', field: 'label' }),
    f('label', 'formula', { formula: { if: [{ var: 'up' }, { var: 'up' }, { var: 'name' }] }, resultType: 'text' }),
    f('upDepth', 'lookup', { relationField: 'parent', field: 'depth' }),
    f('depth', 'formula', {
      formula: { '+': [{ if: [{ var: 'upDepth' }, { var: 'upDepth' }, 0] }, 1] },
      resultType: 'number',
    }),
  ],
};

export const productsForm: FormDef = {
  id: 'products',
  name: 'Products',
  fields: [f('name', 'text'), f('price', 'money')],
};

export const ordersForm: FormDef = {
  id: 'orders',
  name: 'Orders',
  fields: [
    f('lines', 'subtable', {
      fields: [
        f('product', 'relation', { formId: 'products' }),
        f('price', 'lookup', { relationField: 'product', field: 'price' }),
        f('qty', 'number'),
        f('amount', 'formula', { formula: { '*': [{ var: 'price' }, { var: 'qty' }] }, resultType: 'number' }),
      ] as unknown as JsonValue,
    }),
    f('total', 'rollup', { source: 'lines', field: 'amount', aggregation: 'sum' }),
  ],
};

export const relationTestForms: FormDef[] = [
  customersForm,
  contractsForm,
  invoicesForm,
  nodesForm,
  productsForm,
  ordersForm,
];
