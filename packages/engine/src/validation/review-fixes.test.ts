/** Defects found in review of validateRecord, each pinned by the input that triggered it. */
import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { fieldRegistry } from '../fields/index.js';
import { validateRecord } from './validate-record.js';

const options = { registry: fieldRegistry };
const codes = (r: ReturnType<typeof validateRecord>) => (r.ok ? [] : r.errors.map((e) => `${e.path}:${e.code}`));

const form: FormDef = {
  id: 'f',
  name: 'f',
  fields: [
    { id: 'name', type: 'text', label: 'n', settings: { maxLength: 3 } },
    { id: 'amount', type: 'number', label: 'a' },
    { id: 'ok', type: 'boolean', label: 'ok' },
    { id: 'secret', type: 'text', label: 's', readonly: true, hidden: true },
    { id: 'locked', type: 'boolean', label: 'l' },
    { id: 'note', type: 'text', label: 'note' },
    {
      id: 'rows',
      type: 'subtable',
      label: 'r',
      settings: {
        fields: [
          { id: 'c', type: 'text', label: 'c' },
          { id: 'ro', type: 'text', label: 'ro', readonly: true },
          {
            id: 'f',
            type: 'formula',
            label: 'f',
            settings: { formula: { cat: [{ var: 'c' }, '!'] }, resultType: 'text' },
          },
        ],
      },
    },
  ],
  logic: [
    { id: 'big', kind: 'visible', when: { '>': [{ var: 'amount' }, 100] }, fields: ['note'] },
    { id: 'lock', kind: 'readonly', when: { var: 'locked' }, fields: ['note'] },
  ],
};

describe('validateRecord review fixes', () => {
  it('an object JavaScript cannot convert never reaches the rules: a type error, not an exception', () => {
    expect(codes(validateRecord(form, { amount: { toString: 1 } }, options))).toEqual([
      'amount.toString:FORBIDDEN_KEY',
    ]);
    expect(codes(validateRecord(form, { amount: [{ valueOf: 1 }] }, options))).toEqual([
      'amount[0].valueOf:FORBIDDEN_KEY',
    ]);
    expect(codes(validateRecord(form, { amount: { a: 1 } }, options))).toEqual(['amount:TYPE_MISMATCH']);
  });

  it('blank text and empty lists are stored as null, never as a wrong-typed or over-long value', () => {
    const r = validateRecord(form, { amount: '   ', ok: '', name: ' '.repeat(5000), note: [] }, options);
    expect(r.ok && r.values).toEqual({ amount: null, ok: null, name: null, note: null });
  });

  it('read-only fields cannot be written: statically, through logic, or in a sub-table cell', () => {
    expect(codes(validateRecord(form, { secret: 'overwritten' }, options))).toEqual(['secret:READONLY_FIELD']);
    expect(codes(validateRecord(form, { locked: true, note: 'x' }, options))).toEqual(['note:READONLY_FIELD']);
    const existing = { locked: true, note: 'kept' };
    expect(codes(validateRecord(form, { note: 'changed' }, { ...options, mode: 'update', existing }))).toEqual([
      'note:READONLY_FIELD',
    ]);
    expect(validateRecord(form, { note: 'kept' }, { ...options, mode: 'update', existing }).ok).toBe(true);
    expect(codes(validateRecord(form, { rows: [{ id: 'r1', c: 'a', ro: 'w' }] }, options))).toEqual([
      'rows[0].ro:READONLY_FIELD',
    ]);
  });

  it('sub-table rows: computed cells are recomputed, row ids must be clean and unique', () => {
    const r = validateRecord(form, { rows: [{ id: 'r1', c: 'a', f: 'forged' }] }, options);
    expect(r.ok && (r.values.rows as { f: string }[])[0]!.f).toBe('a!');
    expect(codes(validateRecord(form, { rows: [{ id: 'a\u0000' }] }, options))).toEqual([
      'rows[0].id:INVALID_CHARACTER',
    ]);
    expect(codes(validateRecord(form, { rows: [{ id: 'x' }, { id: 'x' }] }, options))).toEqual([
      'rows[1].id:DUPLICATE_ITEMS',
    ]);
  });

  it('a value error is reported alone, not also as REQUIRED, and an invalid time zone is an error, not a throw', () => {
    const req: FormDef = { id: 'q', name: 'q', fields: [{ id: 'n', type: 'number', label: 'n', required: true }] };
    expect(codes(validateRecord(req, { n: 'abc' }, options))).toEqual(['n:TYPE_MISMATCH']);
    const r = validateRecord(form, { amount: 5 }, { ...options, context: { timezone: 'Mars/Olympus' } });
    expect(codes(r)).toEqual([':RULE_ERROR']);
  });

  it('date-times are stored only in forms filters and SQL can read (seconds, Z or ±hh:mm, years 0001–9999)', () => {
    const f: FormDef = { id: 't', name: 't', fields: [{ id: 'at', type: 'datetime', label: 'at' }] };
    for (const bad of [
      '2025-01-01T00:00:00+08',
      '2016-12-31T23:59:60Z',
      '9999-12-31T23:59:59-14:00',
      '2025-01-01T00:00Z',
    ]) {
      expect(codes(validateRecord(f, { at: bad }, options))).toEqual(['at:INVALID_FORMAT']);
    }
    const r = validateRecord(f, { at: '2025-01-01T08:00:00+08:00' }, options);
    expect(r.ok && r.values.at).toBe('2025-01-01T00:00:00.000Z');
  });

  it('text computed by defaults, value linkage and formulas is stored in NFC and well-formed', () => {
    const f: FormDef = {
      id: 'c',
      name: 'c',
      fields: [
        { id: 'who', type: 'text', label: 'who', defaultValue: 'Miche\u0301l' },
        { id: 'src', type: 'text', label: 'src' },
        { id: 'copy', type: 'text', label: 'copy' },
        {
          id: 'first',
          type: 'formula',
          label: 'first',
          settings: { formula: { substr: [{ var: 'src' }, 0, 1] }, resultType: 'text' },
        },
      ],
      logic: [{ id: 'a', kind: 'assign', field: 'copy', value: { cat: ['e', '\u0301'] } }],
    };
    const r = validateRecord(f, { src: '😀e' }, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.who).toBe('Mich\u00e9l');
    expect(r.values.copy).toBe('\u00e9');
    expect(r.values.first).toBe('\ufffd');
  });

  it('the fast path stores blank text and empty lists as null too (values that pass the whole-record validator)', () => {
    const f: FormDef = {
      id: 'e',
      name: 'e',
      fields: [
        { id: 't', type: 'text', label: 't' },
        { id: 'm', type: 'multiselect', label: 'm', settings: { options: [{ id: 'a', label: 'A' }] } },
        { id: 'x', type: 'text', label: 'x' },
      ],
    };
    const r = validateRecord(f, { t: ' \u3000 ', m: [], x: 'kept' }, options);
    expect(r.ok && r.values).toEqual({ t: null, m: null, x: 'kept' });
    // Blank text that starts with non-ASCII white space (the ideographic space of Chinese input methods, U+1680).
    const wide = validateRecord(f, { t: '\u3000\u3000', x: '\u1680' }, options);
    expect(wide.ok && wide.values).toEqual({ t: null, x: null });
    const plain = validateRecord(f, { t: 'a', m: ['a'] }, options);
    expect(plain.ok && plain.values).toEqual({ t: 'a', m: ['a'] });
  });

  it('#8 on update, an untouched sub-table with formula columns is not re-validated against a changed schema', () => {
    // The column `c` got a tighter limit after these rows were stored (a later form version).
    const tightened: FormDef = {
      id: 't',
      name: 't',
      fields: [
        { id: 'note', type: 'text', label: 'note' },
        {
          id: 'rows',
          type: 'subtable',
          label: 'r',
          settings: {
            fields: [
              { id: 'c', type: 'text', label: 'c', settings: { maxLength: 3 } },
              {
                id: 'f',
                type: 'formula',
                label: 'f',
                settings: { formula: { cat: [{ var: 'c' }, '!'] }, resultType: 'text' },
              },
            ],
          },
        },
      ],
    };
    const existing = { note: 'a', rows: [{ id: 'r1', c: 'toolong', f: 'toolong!' }] };
    for (const writableFieldIds of [undefined, new Set(['note', 'rows'])]) {
      const edit = validateRecord(tightened, { note: 'b' }, { ...options, mode: 'update', existing, writableFieldIds });
      expect(edit.ok && edit.values).toEqual({ note: 'b', rows: existing.rows });
    }
    // A computed value that actually changes is still checked: a stale formula cell is recomputed and the row checked.
    const stale = { note: 'a', rows: [{ id: 'r1', c: 'toolong', f: 'stale' }] };
    expect(codes(validateRecord(tightened, { note: 'b' }, { ...options, mode: 'update', existing: stale }))).toEqual([
      'rows[0].c:TOO_LONG',
    ]);
    // And the patch itself is always checked.
    const touched = validateRecord(
      tightened,
      { rows: [{ id: 'r1', c: 'toolong' }] },
      {
        ...options,
        mode: 'update',
        existing,
      },
    );
    expect(codes(touched)).toEqual(['rows[0].c:TOO_LONG']);
  });
});
