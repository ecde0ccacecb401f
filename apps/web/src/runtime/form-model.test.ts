import type { FormDef } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { buildPayload, createEngineResolver, liveState, validateValues, type RuntimeOptions } from './form-model.js';
import { errorAt, recordErrorsToFieldErrors, toFieldPath } from './record-errors.js';

const form: FormDef = {
  id: 'orders',
  name: 'Orders',
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '姓名' }, required: true },
    { id: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
    {
      id: 'kind',
      type: 'select',
      label: 'Kind',
      settings: {
        options: [
          { id: 'company', label: 'Company' },
          { id: 'person', label: 'Person' },
        ],
      },
    },
    { id: 'company', type: 'text', label: { en: 'Company', 'zh-CN': '公司' }, required: true },
    {
      id: 'items',
      type: 'subtable',
      label: { en: 'Items', 'zh-CN': '明细' },
      settings: {
        fields: [
          { id: 'qty', type: 'number', label: { en: 'Qty', 'zh-CN': '数量' }, required: true, settings: { min: 1 } },
          { id: 'price', type: 'money', label: 'Price' },
          {
            id: 'amount',
            type: 'formula',
            label: 'Amount',
            settings: { formula: { '*': [{ var: 'qty' }, { var: 'price' }] }, resultType: 'number' },
          },
        ],
      },
    },
    {
      id: 'total',
      type: 'rollup',
      label: 'Total',
      settings: { source: 'items', field: 'amount', aggregation: 'sum' },
    },
    { id: 'city', type: 'text', label: 'City', defaultFormula: { cat: ['City of ', { var: 'name' }] } },
  ],
  logic: [{ id: 'companyOnly', kind: 'visible', when: { '==': [{ var: 'kind' }, 'company'] }, fields: ['company'] }],
};

const submit: RuntimeOptions = { mode: 'submit', context: { timezone: 'Asia/Shanghai' } };
const resolve = (values: Record<string, unknown>, language: 'en' | 'zh-CN' = 'en', options = submit) =>
  createEngineResolver(
    form,
    () => options,
    () => language,
  )(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('the engine resolver', () => {
  it('puts the engine required error at the field, in the UI language', async () => {
    const en = await resolve({});
    expect(errorAt(en.errors, 'name')).toMatchObject({ type: 'REQUIRED', message: '"Name" is required' });
    const zh = await resolve({}, 'zh-CN');
    expect(errorAt(zh.errors, 'name')?.message).toBe('「姓名」为必填项');
    expect(zh.values).toEqual({});
  });

  it('follows visibility rules: a hidden required field is neither required nor sent', async () => {
    const hidden = await resolve({ name: 'Li' });
    expect(hidden.errors).toEqual({});
    const shown = await resolve({ name: 'Li', kind: 'company' });
    expect(errorAt(shown.errors, 'company')?.type).toBe('REQUIRED');
    expect(buildPayload(form, { name: 'Li', company: 'Acme' }, submit)).toEqual({ name: 'Li' });
  });

  it('puts sub-table cell errors at subtable.<row>.<column>', async () => {
    const result = await resolve({
      name: 'Li',
      items: [
        { id: 'r1', qty: 2, price: 3 },
        { id: 'r2', qty: 0 },
        { id: 'r3', price: 1 },
      ],
    });
    expect(errorAt(result.errors, 'items.0.qty')).toBeUndefined();
    expect(errorAt(result.errors, 'items.1.qty')).toMatchObject({
      type: 'TOO_SMALL',
      message: '"Qty" must be at least 1',
    });
    expect(errorAt(result.errors, 'items.2.qty')?.type).toBe('REQUIRED');
    expect(Array.isArray((result.errors as Record<string, unknown>).items)).toBe(true);
  });

  it('reports a value the engine refuses (text typed in a number box) at its field', async () => {
    const result = await resolve({ name: 'Li', phone: '12' });
    expect(errorAt(result.errors, 'phone')?.message).toMatch(/Phone/);
  });

  it('accepts a valid form and returns its values', async () => {
    const values = { name: 'Li', items: [{ id: 'r1', qty: 2, price: 3 }] };
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(result.values).toBe(values);
  });

  it('refuses writes to fields the caller may not write only if they are sent', () => {
    const options: RuntimeOptions = { ...submit, writable: new Set(['phone']) };
    // `name` is not writable: it is not sent, so it cannot be refused — but it is still required.
    expect(buildPayload(form, { name: 'Li', phone: '13800138000' }, options)).toEqual({ phone: '13800138000' });
    const errors = validateValues(form, { phone: '13800138000' }, options, 'en');
    expect(errorAt(errors, 'name')?.type).toBe('REQUIRED');
  });
});

describe('live state', () => {
  it('computes column formulas, rollups and default formulas as the user types', () => {
    const live = liveState(
      form,
      {
        name: 'Ann',
        items: [
          { id: 'r1', qty: 2, price: 2.5 },
          { id: 'r2', qty: 1, price: 4 },
        ],
      },
      submit,
    );
    expect((live.values.items as { amount: number }[]).map((r) => r.amount)).toEqual([5, 4]);
    expect(live.values.total).toBe(9);
    expect(live.values.city).toBe('City of Ann');
    expect(live.state.fields.company?.visible).toBe(false);
    // Once the user typed over the default, it stays as typed.
    const typed = liveState(form, { name: 'Ann', city: '' }, { ...submit, dirty: new Set(['city']) });
    expect(typed.values.city).toBe('');
  });

  it('sends only changed fields when editing, without computed cells', () => {
    const stored = { name: 'Li', phone: '13800138000', items: [{ id: 'r1', qty: 1, price: 2, amount: 2 }], total: 2 };
    const edit: RuntimeOptions = { mode: 'edit', initialData: stored, context: {} };
    expect(buildPayload(form, { ...stored }, edit)).toEqual({});
    const next = { ...stored, items: [{ id: 'r1', qty: 3, price: 2, amount: 2 }] };
    expect(buildPayload(form, next, edit)).toEqual({ items: [{ id: 'r1', qty: 3, price: 2 }] });
  });
});

describe('record errors', () => {
  it('turns engine and server paths into form paths', () => {
    expect(toFieldPath('items[2].qty')).toBe('items.2.qty');
    expect(toFieldPath('data.items[2].qty')).toBe('items.2.qty');
    expect(toFieldPath('/data/items/2/qty')).toBe('items.2.qty');
    expect(toFieldPath('body.data.phone')).toBe('phone');
    expect(toFieldPath('data')).toBe('');
  });

  it('gathers record-level errors and errors of fields not on screen at _record', () => {
    const message = (text: string) => ({ 'zh-CN': text, en: text });
    const errors = recordErrorsToFieldErrors(
      [
        { fieldId: null, path: '', code: 'RULE_ERROR', label: '', message: message('rule broke') },
        { fieldId: 'secret', path: 'secret', code: 'REQUIRED', label: '', message: message('secret needed') },
        { fieldId: 'name', path: 'name', code: 'REQUIRED', label: '', message: message('name needed') },
      ],
      'en',
      (id) => id !== 'secret',
    );
    expect(errorAt(errors, 'name')?.message).toBe('name needed');
    expect(errorAt(errors, '_record')?.message).toBe('rule broke\nsecret needed');
  });
});
