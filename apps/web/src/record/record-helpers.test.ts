import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@formflow/schema';
import { changedFields, conflictCurrent, findConflicts, resolvePatch, sameValue } from './conflict.js';
import { historyRows } from './history-rows.js';
import { cardFields, readableFields, recordTitle, safeHref, titleFieldOf } from './record-display.js';

const fields: FieldDef[] = [
  { id: 'intro', type: 'section', label: { en: 'Intro' } },
  { id: 'code', type: 'serial', label: { en: 'Code' } },
  { id: 'name', type: 'text', label: { en: 'Name' } },
  { id: 'amount', type: 'money', label: { en: 'Amount' } },
  { id: 'stage', type: 'select', label: { en: 'Stage' }, settings: { options: [{ id: 'won', label: { en: 'Won' } }] } },
  { id: 'photo', type: 'image', label: { en: 'Photo' } },
  { id: 'old', type: 'text', label: { en: 'Old' }, deleted: true },
  { id: 'note', type: 'textarea', label: { en: 'Note' } },
];

describe('history entries → timeline rows', () => {
  it('lists entries newest first, changes in form order, and the version an earlier value comes from', () => {
    const rows = historyRows(
      [
        {
          version: 1,
          action: 'create',
          actor: 'm1',
          at: '2026-03-01T00:00:00Z',
          changes: { name: { before: null, after: 'A' } },
        },
        {
          version: 2,
          action: 'update',
          actor: 'm2',
          at: '2026-03-02T00:00:00Z',
          changes: {
            stage: { before: null, after: 'won' },
            gone: { before: 1, after: 2 },
            amount: { before: 5, after: 7 },
          },
        },
      ],
      fields,
    );
    expect(rows.map((r) => r.version)).toEqual([2, 1]);
    expect(rows[0]!.changes.map((c) => c.fieldId)).toEqual(['amount', 'stage', 'gone']);
    expect(rows[0]!.changes[0]).toMatchObject({ before: 5, after: 7, restoreFrom: 1 });
    expect(rows[0]!.changes[0]!.field?.id).toBe('amount');
    expect(rows[0]!.changes[2]!.field).toBeUndefined();
    expect(rows[1]!.changes[0]!.restoreFrom).toBeNull(); // nothing before a create
    expect(rows[1]!.actor).toBe('m1');
  });
});

describe('conflict merge', () => {
  const base = { name: 'Acme', amount: 100, note: 'x', tags: ['a'] };

  it('sends only the writable fields that changed, blank as null', () => {
    expect(
      changedFields(base, { name: 'Acme', amount: 150, note: '', tags: ['a'] }, ['name', 'amount', 'note']),
    ).toEqual({
      amount: 150,
      note: '',
    });
    expect(changedFields(base, { name: 'Acme Ltd', amount: 150 }, ['name'])).toEqual({ name: 'Acme Ltd' });
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue([], undefined)).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });

  it('finds the fields both sides changed to different values', () => {
    const patch = { amount: 150, note: 'mine', name: 'Same' };
    const theirs = { name: 'Same', amount: 200, note: 'x', tags: ['b'] };
    expect(findConflicts(base, patch, theirs)).toEqual([{ fieldId: 'amount', base: 100, yours: 150, theirs: 200 }]);
    expect(findConflicts(base, { note: 'mine' }, theirs)).toEqual([]);
  });

  it('keeps yours by default and leaves out the fields where the user kept theirs', () => {
    const patch = { amount: 150, note: 'mine' };
    const conflicts = findConflicts(base, patch, { ...base, amount: 200, note: 'theirs' });
    expect(resolvePatch(patch, conflicts, {})).toEqual(patch);
    expect(resolvePatch(patch, conflicts, { amount: 'theirs' })).toEqual({ note: 'mine' });
    expect(resolvePatch(patch, conflicts, { amount: 'theirs', note: 'yours' })).toEqual({ note: 'mine' });
  });

  it('reads the current record of a 412 body', () => {
    expect(conflictCurrent({ current: { version: 4, data: { amount: 1 } } })).toEqual({
      version: 4,
      data: { amount: 1 },
    });
    expect(conflictCurrent({})).toBeUndefined();
    expect(conflictCurrent({ current: { version: '4', data: {} } })).toBeUndefined();
  });
});

describe('record display', () => {
  const form = { fields, settings: {}, access: { readable: ['code', 'name', 'amount', 'stage', 'photo', 'note'] } };

  it('shows readable value fields and picks the title field', () => {
    expect(readableFields(form).map((f) => f.id)).toEqual(['code', 'name', 'amount', 'stage', 'photo', 'note']);
    expect(titleFieldOf(form)?.id).toBe('name');
    expect(titleFieldOf({ ...form, settings: { titleField: 'code' } })?.id).toBe('code');
    expect(titleFieldOf({ ...form, access: { readable: ['amount'] } })).toBeUndefined();
    expect(recordTitle(form, { data: { name: '  ' } }, 'Untitled')).toBe('Untitled');
    expect(recordTitle(form, { data: { name: 'Acme' } }, 'Untitled')).toBe('Acme');
  });

  it('picks card fields from the view, else the form, never the title or excluded fields', () => {
    expect(cardFields(form, {}, ['stage']).map((f) => f.id)).toEqual(['code', 'amount', 'note']);
    expect(cardFields(form, { fields: ['name', 'photo', 'stage', 'amount'] }, ['stage']).map((f) => f.id)).toEqual([
      'amount',
    ]);
  });

  it('links only http(s)', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref(3)).toBeUndefined();
  });
});
