import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { compileFormLogic } from './compile-form-logic.js';
import { DependencyCycleError, dependencyOrder } from './dependency-order.js';
import { applyDefaults, evaluateForm } from './evaluate-form.js';

const form: FormDef = {
  id: 'quote',
  name: '报价',
  fields: [
    // `total` is declared before what it depends on: evaluation follows dependencies, not field order.
    {
      id: 'total',
      type: 'formula',
      label: '总计',
      settings: { formula: { '+': [{ var: 'subtotal' }, { var: 'tax' }] }, resultType: 'number' },
    },
    {
      id: 'tax',
      type: 'formula',
      label: '税',
      settings: { formula: { '*': [{ var: 'subtotal' }, 0.13] }, resultType: 'number' },
    },
    {
      id: 'subtotal',
      type: 'rollup',
      label: '小计',
      settings: { source: 'lines', field: 'amount', aggregation: 'sum', condition: { '!': { var: 'free' } } },
    },
    { id: 'lineCount', type: 'rollup', label: '行数', settings: { source: 'lines', aggregation: 'count' } },
    {
      id: 'lines',
      type: 'subtable',
      label: '明细',
      settings: {
        fields: [
          { id: 'amount', type: 'money', label: '金额' },
          { id: 'free', type: 'boolean', label: '赠品' },
        ],
      },
    },
    {
      id: 'kind',
      type: 'select',
      label: '类型',
      settings: {
        options: [
          { id: 'std', label: '标准' },
          { id: 'vip', label: 'VIP' },
        ],
      },
    },
    { id: 'discount', type: 'percent', label: '折扣' },
    { id: 'approver', type: 'member', label: '审批人', hidden: true },
    { id: 'locked', type: 'boolean', label: '锁定' },
    { id: 'note', type: 'text', label: '备注' },
    { id: 'due', type: 'date', label: '到期', defaultFormula: { var: '$today' } },
  ],
  logic: [
    { id: 'v1', kind: 'visible', when: { '==': [{ var: 'kind' }, 'vip'] }, fields: ['discount'] },
    { id: 'q1', kind: 'required', when: { '>': [{ var: 'total' }, 1000] }, fields: ['note'] },
    { id: 'o1', kind: 'readonly', when: { var: 'locked' }, fields: ['note', 'kind'] },
    { id: 'a1', kind: 'assign', when: { '==': [{ var: 'kind' }, 'std'] }, field: 'discount', value: 0 },
    { id: 'c1', kind: 'validate', when: { '<=': [{ var: 'discount' }, 0.3] }, message: '折扣不能超过 30%' },
  ],
};

describe('evaluateForm', () => {
  it('computes rollups and formulas in dependency order', () => {
    const s = evaluateForm(form, { lines: [{ amount: 100 }, { amount: 50, free: true }, { amount: 200 }] });
    expect(s.values.subtotal).toBe(300);
    expect(s.values.tax).toBe(39);
    expect(s.values.total).toBe(339);
    expect(s.values.lineCount).toBe(3);
  });

  it('decides visibility, required-ness and read-only state from rules', () => {
    const std = evaluateForm(form, { kind: 'std', lines: [{ amount: 2000 }] });
    expect(std.fields.discount).toEqual({ visible: false, required: false, readonly: false });
    expect(std.fields.note!.required).toBe(true);
    expect(std.fields.approver!.visible).toBe(false);
    expect(std.fields.total!.readonly).toBe(true);
    const vip = evaluateForm(form, { kind: 'vip', locked: true });
    expect(vip.fields.discount!.visible).toBe(true);
    expect(vip.fields.note).toEqual({ visible: true, required: false, readonly: true });
    expect(vip.fields.kind!.readonly).toBe(true);
  });

  it('applies value linkage only while its condition holds', () => {
    expect(evaluateForm(form, { kind: 'std', discount: 0.2 }).values.discount).toBe(0);
    expect(evaluateForm(form, { kind: 'vip', discount: 0.2 }).values.discount).toBe(0.2);
  });

  it('reports form-level checks that fail', () => {
    expect(evaluateForm(form, { kind: 'vip', discount: 0.5 }).failedChecks).toEqual([
      { id: 'c1', fields: [], message: '折扣不能超过 30%' },
    ]);
    expect(evaluateForm(form, { kind: 'vip', discount: 0.1 }).failedChecks).toEqual([]);
  });

  it('fills defaults on create from the viewer time zone, never overwriting given values', () => {
    const now = new Date('2025-03-01T16:30:00Z');
    expect(applyDefaults(form, {}, { now, timezone: 'Asia/Shanghai' }).due).toBe('2025-03-02');
    expect(applyDefaults(form, {}, { now, timezone: 'UTC' }).due).toBe('2025-03-01');
    expect(applyDefaults(form, { due: '2020-01-01' }, { now }).due).toBe('2020-01-01');
  });

  it('exposes the member to rules', () => {
    const f: FormDef = {
      id: 'f',
      name: 'f',
      fields: [
        {
          id: 'mine',
          type: 'formula',
          label: 'm',
          settings: { formula: { '==': [{ var: '$member.id' }, 'u1'] }, resultType: 'boolean' },
        },
      ],
    };
    expect(evaluateForm(f, {}, { member: { id: 'u1' } }).values.mine).toBe(true);
    expect(evaluateForm(f, {}, { member: { id: 'u2' } }).values.mine).toBe(false);
  });

  it('compiles logic once per form object', () => {
    expect(compileFormLogic(form)).toBe(compileFormLogic(form));
  });

  it('refuses computed fields that depend on each other', () => {
    const cyclic: FormDef = {
      id: 'c',
      name: 'c',
      fields: [
        { id: 'a', type: 'formula', label: 'a', settings: { formula: { var: 'b' } } },
        { id: 'b', type: 'formula', label: 'b', settings: { formula: { var: 'a' } } },
      ],
    };
    expect(() => compileFormLogic(cyclic)).toThrow(DependencyCycleError);
    expect(() => compileFormLogic(cyclic)).toThrow(/a → b → a|b → a → b/);
  });
});

describe('dependencyOrder', () => {
  it('orders by dependencies and keeps input order for ties', () => {
    const deps = new Map([
      ['c', ['a', 'b']],
      ['b', ['a', 'input']],
    ]);
    expect(dependencyOrder(['c', 'b', 'a', 'd'], deps)).toEqual(['a', 'd', 'b', 'c']);
  });
});
