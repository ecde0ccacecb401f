import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@formflow/schema';
import { checkAppDefinition } from '@formflow/engine';
import { FIELD_TYPES } from '@formflow/schema';
import { newFieldId, newId } from './new-id.js';
import { applyRows, canvasRows, insertField, moveField, removeField, MAX_ROW_FIELDS } from './canvas-rows.js';
import { columnsOf } from './field-tree.js';
import { createField } from './create-field.js';
import { groupToLogic, logicToGroup, type ConditionGroup } from './rule-model.js';
import { historyReducer, initialHistory } from './history.js';

const text = (id: string): FieldDef => ({ id, type: 'text', label: id });
const form = (ids: string[], extra: Partial<FormDef> = {}): FormDef => ({
  id: 'form1',
  name: 'Form',
  fields: ids.map(text),
  ...extra,
});
const order = (f: FormDef) => f.fields.map((x) => x.id);
const rowsOf = (f: FormDef) => canvasRows(f).map((r) => r.fields.join('+'));

describe('ids', () => {
  it('are f_ + 8 base36 characters and avoid ids in use', () => {
    expect(newFieldId()).toMatch(/^f_[0-9a-z]{8}$/);
    expect(newId('o_')).toMatch(/^o_[0-9a-z]{8}$/);
    let calls = 0;
    const random = () => (calls++ < 8 ? 0 : 0.5); // first candidate is f_00000000
    expect(newFieldId(new Set(['f_00000000']), random)).toBe('f_iiiiiiii');
  });
});

describe('canvas rows', () => {
  it('show a layout row where its first field stands, others alone, deleted fields not at all', () => {
    const f = form(['a', 'b', 'c', 'd'], { layout: [{ id: 'r1', fields: ['b', 'd'] }] });
    f.fields[2] = { ...f.fields[2]!, deleted: true };
    expect(rowsOf(f)).toEqual(['a', 'b+d']);
  });

  it('reorder: move a field before another row, and to the end', () => {
    const f = form(['a', 'b', 'c']);
    expect(order(moveField(f, 'c', { kind: 'row', index: 0 }))).toEqual(['c', 'a', 'b']);
    expect(order(moveField(f, 'a', { kind: 'row', index: 3 }))).toEqual(['b', 'c', 'a']);
    expect(order(moveField(f, 'a', { kind: 'row', index: 2 }))).toEqual(['b', 'a', 'c']);
  });

  it('drop beside a field makes a multi-column row, at most four wide', () => {
    let f = form(['a', 'b', 'c', 'd', 'e', 'g']);
    f = moveField(f, 'b', { kind: 'beside', fieldId: 'a', side: 'right' });
    expect(rowsOf(f)).toEqual(['a+b', 'c', 'd', 'e', 'g']);
    expect(f.layout).toHaveLength(1);
    f = moveField(f, 'c', { kind: 'beside', fieldId: 'a', side: 'left' });
    f = moveField(f, 'd', { kind: 'beside', fieldId: 'b', side: 'right' });
    expect(rowsOf(f)).toEqual(['c+a+b+d', 'e', 'g']);
    // A fifth field does not fit: it takes a row of its own after the full row.
    f = moveField(f, 'e', { kind: 'beside', fieldId: 'd', side: 'right' });
    expect(rowsOf(f)).toEqual(['c+a+b+d', 'e', 'g']);
    expect(f.layout![0]!.fields).toHaveLength(MAX_ROW_FIELDS);
    // Moving out of a row of two leaves a plain row; the layout row goes.
    let g = moveField(form(['a', 'b']), 'b', { kind: 'beside', fieldId: 'a', side: 'right' });
    g = moveField(g, 'b', { kind: 'row', index: 0 });
    expect(rowsOf(g)).toEqual(['b', 'a']);
    expect(g.layout).toBeUndefined();
  });

  it('insert a new field at a row, beside a field, or into a sub-table', () => {
    const sub: FieldDef = { id: 'items', type: 'subtable', label: 'Items', settings: { fields: [] } };
    let f: FormDef = { ...form(['a']), fields: [text('a'), sub] };
    f = insertField(f, text('n1'), { kind: 'row', index: 1 });
    expect(order(f)).toEqual(['a', 'n1', 'items']);
    f = insertField(f, text('n2'), { kind: 'beside', fieldId: 'a', side: 'right' });
    expect(rowsOf(f)).toEqual(['a+n2', 'n1', 'items']);
    f = insertField(f, text('c1'), { kind: 'column', subtableId: 'items', index: 0 });
    f = insertField(f, text('c2'), { kind: 'column', subtableId: 'items', index: 0 });
    expect(columnsOf(f.fields.find((x) => x.id === 'items')!).map((c) => c.id)).toEqual(['c2', 'c1']);
    // A sub-table takes no sub-table or layout field.
    const nested: FieldDef = { id: 'sub2', type: 'subtable', label: 's', settings: { fields: [] } };
    expect(insertField(f, nested, { kind: 'column', subtableId: 'items', index: 0 })).toBe(f);
    expect(checkAppDefinition(f, 'form')).toEqual([]);
  });

  it('moves fields into, within and out of a sub-table', () => {
    const sub: FieldDef = {
      id: 'items',
      type: 'subtable',
      label: 'Items',
      settings: { fields: [text('c1'), text('c2')] },
    };
    let f: FormDef = { ...form(['a', 'b']), fields: [text('a'), sub, text('b')] };
    f = moveField(f, 'b', { kind: 'column', subtableId: 'items', index: 1 });
    expect(order(f)).toEqual(['a', 'items']);
    expect(columnsOf(f.fields[1]!).map((c) => c.id)).toEqual(['c1', 'b', 'c2']);
    f = moveField(f, 'c1', { kind: 'column', subtableId: 'items', index: 3 });
    expect(columnsOf(f.fields[1]!).map((c) => c.id)).toEqual(['b', 'c2', 'c1']);
    f = moveField(f, 'c2', { kind: 'row', index: 0 });
    expect(order(f)).toEqual(['c2', 'a', 'items']);
    expect(columnsOf(f.fields[2]!).map((c) => c.id)).toEqual(['b', 'c1']);
    expect(checkAppDefinition(f, 'form')).toEqual([]);
  });

  it('removing a field drops it from layout rows and from rule targets', () => {
    let f = form(['a', 'b', 'c'], {
      layout: [{ id: 'r1', fields: ['a', 'b'] }],
      logic: [{ id: 'l1', kind: 'visible', when: { '==': [{ var: 'c' }, 'x'] }, fields: ['b'] }],
    });
    f = removeField(f, 'b');
    expect(order(f)).toEqual(['a', 'c']);
    expect(f.layout).toBeUndefined();
    expect(f.logic).toEqual([]);
    expect(applyRows(f, canvasRows(f))).toEqual(f);
  });
});

describe('new fields', () => {
  it('every type gets settings its schema accepts', () => {
    const base = form([]);
    for (const type of FIELD_TYPES) {
      const field = createField(type, {
        label: type,
        optionName: (n) => `Option ${n}`,
        descriptionText: 'Text',
        form: base,
        relationFormId: 'other',
      });
      const problems = checkAppDefinition({ ...base, fields: [field] }, 'form').filter(
        // lookups/rollups need a relation or sub-table first: the designer asks for one.
        (p) => !(p.code === 'UNKNOWN_FIELD_REFERENCE' && (type === 'lookup' || type === 'rollup')),
      );
      expect(problems, type).toEqual([]);
      expect(field.id).toMatch(/^f_/);
    }
  });
});

describe('rule builder ↔ JsonLogic', () => {
  const cases: ConditionGroup[] = [
    { combinator: 'and', conditions: [{ field: 'stage', op: 'eq', value: 'lost' }] },
    {
      combinator: 'or',
      conditions: [
        { field: 'amount', op: 'gte', value: 1000 },
        { field: 'name', op: 'contains', value: '公司' },
        { field: 'name', op: 'notContains', value: 'test' },
        { field: 'tags', op: 'includes', value: 'vip' },
        { field: 'phone', op: 'empty' },
        { field: 'email', op: 'notEmpty' },
        { field: 'ok', op: 'ne', value: true },
      ],
    },
  ];
  it('writes the documented JsonLogic and reads it back', () => {
    expect(groupToLogic(cases[0]!)).toEqual({ '==': [{ var: 'stage' }, 'lost'] });
    expect(groupToLogic(cases[1]!)).toMatchObject({ or: expect.any(Array) });
    for (const group of cases) expect(logicToGroup(groupToLogic(group))).toEqual(group);
  });
  it('is valid for the engine and leaves other rules to the advanced editor', () => {
    const f: FormDef = {
      ...form(['stage', 'b']),
      logic: [{ id: 'r1', kind: 'visible', when: groupToLogic(cases[0]!), fields: ['b'] }],
    };
    expect(checkAppDefinition(f, 'form')).toEqual([]);
    expect(logicToGroup({ '+': [1, 2] })).toBeUndefined();
    expect(logicToGroup({ and: [{ '==': [{ var: 'a' }, { var: 'b' }] }] })).toBeUndefined();
  });
});

describe('undo history', () => {
  it('merges keystrokes on one thing, undoes and redoes', () => {
    let s = initialHistory(form(['a']));
    const rename = (label: string) => (f: FormDef) => ({ ...f, name: label });
    s = historyReducer(s, { type: 'change', update: rename('x'), key: 'name', at: 1000 });
    s = historyReducer(s, { type: 'change', update: rename('xy'), key: 'name', at: 1200 });
    s = historyReducer(s, { type: 'change', update: (f) => removeField(f, 'a'), at: 1300 });
    expect(s.past).toHaveLength(2);
    s = historyReducer(s, { type: 'undo' });
    expect(order(s.form)).toEqual(['a']);
    expect(s.form.name).toBe('xy');
    s = historyReducer(s, { type: 'undo' });
    expect(s.form.name).toBe('Form');
    s = historyReducer(s, { type: 'redo' });
    s = historyReducer(s, { type: 'redo' });
    expect(order(s.form)).toEqual([]);
  });
});
