import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { canEditInline, editorKind, editorText, parseInput, validateCell } from './inline-edit.js';
import { applyState, effectiveSort, moveField, stateOfView, visibleColumns } from '../view-state.js';

const form: FormDef = {
  id: 'deals',
  name: 'Deals',
  fields: [
    { id: 'name', type: 'text', label: 'Name', required: true, settings: { maxLength: 5 } },
    { id: 'amount', type: 'money', label: 'Amount' },
    { id: 'rate', type: 'percent', label: 'Rate' },
    { id: 'stage', type: 'select', label: 'Stage', settings: { options: [{ id: 'won', label: 'Won' }] } },
    { id: 'files', type: 'attachment', label: 'Files' },
  ],
};
const f = (id: string) => form.fields.find((x) => x.id === id)!;
const all = form.fields.map((x) => x.id);

describe('inline edit helpers', () => {
  it('edits simple types in place only, on writable fields with the edit action', () => {
    expect(editorKind(f('stage'))).toBe('select');
    expect(editorKind(f('files'))).toBeNull();
    expect(canEditInline(f('name'), all, ['view', 'edit'])).toBe(true);
    expect(canEditInline(f('name'), all, ['view'])).toBe(false);
    expect(canEditInline(f('name'), ['amount'], ['edit'])).toBe(false);
  });

  it('round-trips values through the field type format and parser', () => {
    expect(editorText(f('rate'), 0.125)).toBe('12.5%');
    expect(parseInput(f('rate'), '12.5%')).toEqual({ ok: true, value: 0.125 });
    expect(parseInput(f('amount'), '¥1,200.50')).toEqual({ ok: true, value: 1200.5 });
    expect(parseInput(f('amount'), 'lots').ok).toBe(false);
    expect(parseInput(f('name'), '')).toEqual({ ok: true, value: null });
  });

  it('validates the patched record with the engine, in the user language', () => {
    const existing = { name: 'Acme', amount: 1 };
    expect(validateCell(form, existing, 'name', 'Beta', all, 'en')).toEqual([]);
    const tooLong = validateCell(form, existing, 'name', 'Much too long', all, 'en');
    expect(tooLong).toHaveLength(1);
    expect(validateCell(form, existing, 'name', null, all, 'zh-CN')[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(validateCell(form, existing, 'stage', 'nope', all, 'en')).toHaveLength(1);
  });
});

describe('view state', () => {
  it('reads a view, writes the toolbar state back, and sorts grouped lists by the group first', () => {
    const view = { id: 'v1', formId: 'deals', name: 'Won', type: 'grid' as const, groupBy: 'stage', fields: ['name'] };
    const state = stateOfView(view);
    expect(state).toEqual({ sort: [], fields: ['name'], groupBy: 'stage' });
    const next = applyState(view, {
      sort: [{ field: 'amount', direction: 'desc' }],
      filter: { field: 'name', op: 'isEmpty' },
    });
    expect(next).toEqual({
      id: 'v1',
      formId: 'deals',
      name: 'Won',
      type: 'grid',
      sort: [{ field: 'amount', direction: 'desc' }],
      filter: { field: 'name', op: 'isEmpty' },
    });
    expect(effectiveSort({ sort: [{ field: 'amount', direction: 'desc' }], groupBy: 'stage' })).toEqual([
      { field: 'stage', direction: 'asc' },
      { field: 'amount', direction: 'desc' },
    ]);
    const kanban = { ...view, type: 'kanban' as const };
    expect(applyState(kanban, { sort: [] }).groupBy).toBe('stage');
    expect(visibleColumns(form.fields, ['stage', 'gone', 'name']).map((x) => x.id)).toEqual(['stage', 'name']);
    expect(moveField(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveField(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
  });
});
