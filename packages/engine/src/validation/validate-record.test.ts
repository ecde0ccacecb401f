import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { fieldRegistry } from '../fields/index.js';
import { compileFormSchema } from './compile-form-schema.js';
import { validateRecord, type ValidateRecordOptions } from './validate-record.js';

const options: ValidateRecordOptions = { registry: fieldRegistry };

const form: FormDef = {
  id: 'deals',
  name: '商机',
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true, settings: { maxLength: 3 } },
    { id: 'email', type: 'email', label: '邮箱' },
    { id: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' }, settings: { decimals: 2 } },
    {
      id: 'tax',
      type: 'formula',
      label: '税额',
      settings: { formula: { '*': [{ var: 'amount' }, 0.06] }, resultType: 'number' },
    },
    {
      id: 'stage',
      type: 'select',
      label: '阶段',
      settings: {
        options: [
          { id: 'open', label: '进行中' },
          { id: 'lost', label: '输单' },
        ],
      },
    },
    { id: 'lossReason', type: 'textarea', label: { 'zh-CN': '输单原因', en: 'Loss reason' } },
    {
      id: 'tags',
      type: 'multiselect',
      label: '标签',
      settings: {
        options: [
          { id: 'vip', label: 'VIP' },
          { id: 'new', label: '新' },
        ],
      },
    },
    {
      id: 'items',
      type: 'subtable',
      label: '明细',
      settings: {
        fields: [
          { id: 'product', type: 'text', label: '产品', required: true },
          { id: 'qty', type: 'number', label: '数量' },
          { id: 'price', type: 'money', label: '单价' },
          {
            id: 'lineTotal',
            type: 'formula',
            label: '小计',
            settings: { formula: { '*': [{ var: 'qty' }, { var: 'price' }] }, resultType: 'number' },
          },
        ],
      },
    },
    {
      id: 'itemsTotal',
      type: 'rollup',
      label: '合计',
      settings: { source: 'items', field: 'lineTotal', aggregation: 'sum' },
    },
    { id: 'source', type: 'text', label: '来源', defaultValue: 'web' },
    {
      id: 'note',
      type: 'text',
      label: '备注',
      defaultFormula: { cat: ['来自 ', { var: 'source' }] },
      settings: { maxLength: 50 },
    },
  ],
  logic: [
    { id: 'r1', kind: 'visible', when: { '==': [{ var: 'stage' }, 'lost'] }, fields: ['lossReason'] },
    { id: 'r2', kind: 'required', when: { '==': [{ var: 'stage' }, 'lost'] }, fields: ['lossReason'] },
    {
      id: 'r3',
      kind: 'validate',
      when: { '<=': [{ var: 'amount' }, 1000000] },
      message: { 'zh-CN': '金额过大', en: 'Amount too large' },
      fields: ['amount'],
    },
  ],
};

const codes = (r: ReturnType<typeof validateRecord>) => (r.ok ? [] : r.errors.map((e) => `${e.path}:${e.code}`));

describe('validateRecord', () => {
  it('accepts a valid record and fills computed values and defaults', () => {
    const r = validateRecord(
      form,
      {
        name: 'Acm',
        amount: 100,
        items: [
          { id: 'a', product: '笔', qty: 3, price: 2.5 },
          { product: '纸', qty: 2, price: 1.1 },
        ],
      },
      options,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.tax).toBe(6);
    expect(r.values.source).toBe('web');
    expect(r.values.note).toBe('来自 web');
    expect(r.values.itemsTotal).toBe(9.7);
    const rows = r.values.items as { id: string; lineTotal: number }[];
    expect(rows[0]!.lineTotal).toBe(7.5);
    expect(rows[1]!.id).toMatch(/^r[0-9a-z]+$/);
  });

  it('reports required fields with the label in both languages', () => {
    const r = validateRecord(form, {}, options);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ fieldId: 'name', path: 'name', code: 'REQUIRED' });
    expect(r.errors[0]!.message['zh-CN']).toBe('「名称」为必填项');
    expect(r.errors[0]!.message.en).toBe('"Name" is required');
  });

  it('applies visibility and required rules from form logic', () => {
    expect(codes(validateRecord(form, { name: 'a', stage: 'open' }, options))).toEqual([]);
    expect(codes(validateRecord(form, { name: 'a', stage: 'lost' }, options))).toEqual(['lossReason:REQUIRED']);
  });

  it('reports a failed form-level check with its message', () => {
    const r = validateRecord(form, { name: 'a', amount: 2000000 }, options);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      code: 'RULE_FAILED',
      fieldId: 'amount',
      message: { 'zh-CN': '金额过大', en: 'Amount too large' },
    });
  });

  it('rejects wrong types with the field path (RELIABILITY A7)', () => {
    expect(codes(validateRecord(form, { name: 'a', amount: '12abc' }, options))).toEqual(['amount:TYPE_MISMATCH']);
    expect(codes(validateRecord(form, { name: 'a', email: {} }, options))).toEqual(['email:TYPE_MISMATCH']);
    expect(codes(validateRecord(form, { name: 'a', tags: 'x' }, options))).toEqual(['tags:TYPE_MISMATCH']);
    expect(codes(validateRecord(form, { name: 'a', stage: 'nope' }, options))).toEqual(['stage:INVALID_OPTION']);
    expect(codes(validateRecord(form, { name: 'a', email: 'not-an-email' }, options))).toEqual([
      'email:INVALID_FORMAT',
    ]);
  });

  it('rejects unknown keys and writes to computed fields instead of stripping them (RELIABILITY A6)', () => {
    const r = validateRecord(form, { name: 'a', id: 'x', version: 3, created_by: 'u', tax: 1 }, options);
    expect(codes(r)).toEqual([
      'id:UNKNOWN_FIELD',
      'version:UNKNOWN_FIELD',
      'created_by:UNKNOWN_FIELD',
      'tax:READONLY_FIELD',
    ]);
  });

  it('honours the fields the caller may write', () => {
    const r = validateRecord(form, { name: 'a', amount: 5 }, { ...options, writableFieldIds: new Set(['name']) });
    expect(codes(r)).toEqual(['amount:READONLY_FIELD']);
  });

  it('validates sub-table rows column by column', () => {
    const r = validateRecord(
      form,
      {
        name: 'a',
        items: [
          { id: 'a', qty: 'x' },
          { id: 'b', product: 'p', colour: 'red' },
        ],
      },
      options,
    );
    expect(codes(r).sort()).toEqual([
      'items[0].product:REQUIRED',
      'items[0].qty:TYPE_MISMATCH',
      'items[1].colour:UNKNOWN_PROPERTY',
    ]);
  });

  it('counts maxLength in graphemes (RELIABILITY K2)', () => {
    expect(codes(validateRecord(form, { name: '👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦' }, options))).toEqual([]);
    expect(codes(validateRecord(form, { name: 'e\u0301e\u0301e\u0301' }, options))).toEqual([]);
    expect(codes(validateRecord(form, { name: '😀😀😀😀' }, options))).toEqual(['name:TOO_LONG']);
  });

  it('stores text in NFC (RELIABILITY K1)', () => {
    const r = validateRecord(form, { name: 'e\u0301' }, options);
    expect(r.ok && r.values.name).toBe('\u00e9');
  });

  it('stores nested text in NFC too: objects, sub-table cells, and a text whose NFC form breaks a pattern', () => {
    const f: FormDef = {
      id: 'nfc',
      name: 'nfc',
      fields: [
        { id: 'addr', type: 'address', label: 'a' },
        { id: 'rows', type: 'subtable', label: 'r', settings: { fields: [{ id: 'c', type: 'text', label: 'c' }] } },
        { id: 'code', type: 'text', label: 'code', settings: { pattern: '^e\u0301$' } },
      ],
    };
    const r = validateRecord(f, { addr: { detail: 'Cafe\u0301 路1号' }, rows: [{ id: 'x', c: 'e\u0301' }] }, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.values.addr as { detail: string }).detail).toBe('Caf\u00e9 路1号');
    expect((r.values.rows as { c: string }[])[0]!.c).toBe('\u00e9');
    // The pattern accepts the decomposed input but not its stored (NFC) form: the write is refused.
    expect(codes(validateRecord(f, { code: 'e\u0301' }, options))).toEqual(['code:PATTERN_MISMATCH']);
  });

  it('rejects NUL and lone surrogates (RELIABILITY K3)', () => {
    expect(codes(validateRecord(form, { name: 'a\u0000b' }, options))).toEqual(['name:INVALID_CHARACTER']);
    expect(codes(validateRecord(form, { name: 'a\uD800b' }, options))).toEqual(['name:INVALID_CHARACTER']);
  });

  it('refuses deep nesting before any recursive code (RELIABILITY A3)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codes(validateRecord(form, { name: 'a', items: deep }, options))[0]).toMatch(/:NESTING_TOO_DEEP$/);
  });

  it('refuses prototype-pollution keys and pollutes nothing (RELIABILITY A4)', () => {
    const hostile = JSON.parse('{"name":"a","__proto__":{"isAdmin":true}}');
    expect(codes(validateRecord(form, hostile, options))).toEqual(['__proto__:FORBIDDEN_KEY']);
    const nested = JSON.parse('{"name":"a","items":[{"id":"r","constructor":{"prototype":{"isAdmin":true}}}]}');
    expect(codes(validateRecord(form, nested, options))).toEqual(['items[0].constructor:FORBIDDEN_KEY']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(codes(validateRecord(form, null, options))).toEqual([':NOT_AN_OBJECT']);
    expect(codes(validateRecord(form, [], options))).toEqual([':NOT_AN_OBJECT']);
  });

  it('validates only the patch on update, and required-ness of what the patch empties', () => {
    const existing = { name: 'abc', amount: 10, stage: 'open' };
    const ok = validateRecord(form, { amount: 20 }, { ...options, mode: 'update', existing });
    expect(ok.ok && ok.values).toMatchObject({ name: 'abc', amount: 20, tax: 1.2 });
    expect(codes(validateRecord(form, { name: '' }, { ...options, mode: 'update', existing }))).toEqual([
      'name:REQUIRED',
    ]);
    expect(codes(validateRecord(form, { stage: 'lost' }, { ...options, mode: 'update', existing }))).toEqual([
      'lossReason:REQUIRED',
    ]);
  });

  it('compiles a form once per definition object', () => {
    expect(compileFormSchema(form, fieldRegistry)).toBe(compileFormSchema(form, fieldRegistry));
    expect(compileFormSchema({ ...form }, fieldRegistry)).not.toBe(compileFormSchema(form, fieldRegistry));
  });
});
