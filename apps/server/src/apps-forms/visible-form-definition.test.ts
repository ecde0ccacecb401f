import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { mentionsAny } from './mentions-any.js';
import { visibleFormDefinition } from './visible-form-definition.js';

const form: FormDef = {
  id: 'orders',
  name: 'Orders',
  fields: [
    { id: 'customer', type: 'text', label: 'Customer' },
    { id: 'cost', type: 'number', label: 'Cost (secret)' },
    { id: 'price', type: 'number', label: 'Price', defaultFormula: { '*': [{ var: 'cost' }, 2] } },
    { id: 'old', type: 'text', label: 'Old', deleted: true },
    {
      id: 'items',
      type: 'subtable',
      label: 'Items',
      settings: {
        fields: [
          { id: 'qty', type: 'number', label: 'Qty' },
          {
            id: 'margin',
            type: 'formula',
            label: 'Margin',
            settings: { formula: { var: 'cost' }, resultType: 'number' },
          },
        ],
      },
    },
    { id: 'total', type: 'rollup', label: 'Total', settings: { source: 'items', field: 'qty', aggregation: 'sum' } },
    { id: 'sec', type: 'section', label: 'Section' },
  ],
  layout: [
    { id: 'r1', fields: ['cost', 'old'] },
    { id: 'r2', fields: ['customer', 'price'] },
  ],
  logic: [
    { id: 'a', kind: 'assign', field: 'cost', value: 1 },
    { id: 'b', kind: 'assign', field: 'price', value: { var: 'items.qty' } },
    { id: 'c', kind: 'validate', when: { '>': [{ var: 'price' }, 0] }, message: 'm', fields: ['price', 'cost'] },
    { id: 'd', kind: 'readonly', when: { '==': [{ var: 'old' }, 'x'] }, fields: ['customer'] },
    { id: 'e', kind: 'required', when: true, fields: ['cost'] },
  ],
  settings: { titleField: 'customer' },
};

const ids = (def: FormDef) => def.fields.map((f) => f.id);

describe('visibleFormDefinition', () => {
  it('removes fields neither readable nor writable, deleted fields, and every reference to them', () => {
    const readable = new Set(['customer', 'price', 'items', 'total']);
    const out = visibleFormDefinition(form, { readable, writable: new Set() });
    expect(ids(out)).toEqual(['customer', 'price', 'items', 'total', 'sec']);
    expect(out.fields.find((f) => f.id === 'price')?.defaultFormula).toBeUndefined();
    const columns = out.fields.find((f) => f.id === 'items')?.settings?.['fields'] as FormDef['fields'];
    expect(columns.map((c) => c.id)).toEqual(['qty', 'margin']);
    expect(columns[1]?.settings).toEqual({ resultType: 'number' });
    expect(out.fields.find((f) => f.id === 'total')?.settings).toMatchObject({ source: 'items', field: 'qty' });
    expect(out.layout).toEqual([{ id: 'r2', fields: ['customer', 'price'] }]);
    expect(out.logic?.map((r) => r.id)).toEqual(['b', 'c']);
    expect(out.logic?.find((r) => r.id === 'c')).toMatchObject({ fields: ['price'] });
    expect(out.settings?.titleField).toBe('customer');
    expect(JSON.stringify(out)).not.toMatch(/cost|secret|"old"/);
  });

  it('keeps write-only fields (a submitter sees what they fill in) and drops a hidden title field', () => {
    const out = visibleFormDefinition(form, { readable: new Set(), writable: new Set(['cost']) });
    expect(ids(out)).toEqual(['cost', 'sec']);
    expect(out.settings).toEqual({});
    expect(out.logic?.map((r) => r.id)).toEqual(['a', 'e']);
  });

  it('does not modify its input', () => {
    const copy = structuredClone(form);
    visibleFormDefinition(form, { readable: new Set(['customer']), writable: new Set() });
    expect(form).toEqual(copy);
  });
});

describe('mentionsAny', () => {
  it('finds ids as strings, dotted paths and keys, at any depth', () => {
    const hidden = new Set(['salary']);
    expect(mentionsAny({ and: [{ '>': [{ var: 'salary' }, 1] }] }, hidden)).toBe(true);
    expect(mentionsAny({ var: 'salary.amount' }, hidden)).toBe(true);
    expect(mentionsAny({ salary: 'read' }, hidden)).toBe(true);
    expect(mentionsAny({ var: 'salaryBand' }, hidden)).toBe(false);
    expect(mentionsAny([1, null, true, 'name'], hidden)).toBe(false);
    expect(mentionsAny({ var: 'salary' }, new Set())).toBe(false);
  });
});
