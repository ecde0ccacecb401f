import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldDef } from '@formflow/schema';
import type { Store } from '../store.js';
import type { FormRepository } from './form-repository.js';
import { amountField, auditActions, contactsForm, openFormTestStore, seedRecords } from './form-test-support.js';

const numberAmount: FieldDef = { ...amountField, type: 'number' };
const change = (forms: FormRepository, strategy: 'dryRun' | 'reject' | 'keepOriginal', workspaceId = 'wA') =>
  forms.changeFieldType({
    workspaceId,
    formId: 'contacts',
    fieldId: 'amount',
    newField: numberAmount,
    strategy,
    actor: 'dba',
  });
const changeInput = {
  workspaceId: 'wA',
  formId: 'contacts',
  fieldId: 'amount',
  newField: numberAmount,
  actor: 'dba',
} as const;
const snapshot = (store: Store) =>
  JSON.stringify([
    store.db.prepare('SELECT id, data, search, version, updated_by FROM records ORDER BY id').all(),
    store.db.prepare('SELECT count(*) AS n FROM record_history').get(),
    store.db.prepare('SELECT count(*) AS n FROM audit_log').get(),
    store.db.prepare('SELECT draft FROM forms').all(),
  ]);

describe('changeFieldType text → number on 10,000 records, 3% unparseable (B3)', () => {
  let store: Store;
  let forms: FormRepository;
  let close: () => void;
  let ids: string[];
  const bad = new Set<string>();
  beforeEach(() => {
    ({ store, forms, close } = openFormTestStore());
    forms.createForm({ workspaceId: 'wA', appId: 'app-wA', definition: contactsForm(), actor: 'alice' });
    forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'alice' });
    const data = Array.from({ length: 10_000 }, (_, i) => ({
      name: `c${i}`,
      amount: i % 100 < 3 ? `n/a ${i}` : (i * 7).toLocaleString('en-US'),
    }));
    ids = seedRecords(store, 'wA', data);
    bad.clear();
    ids.forEach((id, i) => i % 100 < 3 && bad.add(id));
  });
  afterEach(() => close());

  it('dryRun reports exactly 300 unconvertible with 20 sample record ids, and writes nothing', () => {
    const before = snapshot(store);
    const result = change(forms, 'dryRun');
    expect(result).toMatchObject({ ok: true, applied: false, convertible: 9700, unconvertible: 300, empty: 0 });
    const samples = result.ok ? result.samples : [];
    expect(samples).toHaveLength(20);
    expect(samples.every((s) => bad.has(s.recordId) && String(s.before).startsWith('n/a'))).toBe(true);
    expect(snapshot(store)).toBe(before);
  });

  it('reject refuses with UNCONVERTIBLE and leaves every record, the draft and the audit log unchanged', () => {
    const before = snapshot(store);
    expect(change(forms, 'reject')).toMatchObject({ ok: false, reason: 'UNCONVERTIBLE', unconvertible: 300 });
    expect(snapshot(store)).toBe(before);
  });

  it('keepOriginal converts 97% and keeps the 3% originals in history, in one transaction with an audit row', () => {
    const result = change(forms, 'keepOriginal');
    expect(result).toMatchObject({ ok: true, applied: true, changedRecords: 10_000, keptOriginal: 300 });
    const good = store.records.getRecord('wA', ids[3]!);
    expect(good).toMatchObject({ version: 2, updatedBy: 'dba', data: { name: 'c3', amount: 21 } });
    expect(store.records.getRecord('wA', ids[1000 + 5]!)?.data.amount).toBe(7035);
    const lost = ids[2]!;
    expect(store.records.getRecord('wA', lost)).toMatchObject({ version: 2, data: { name: 'c2', amount: null } });
    expect(store.records.listHistory('wA', lost).at(-1)).toMatchObject({
      version: 2,
      action: 'type_change',
      actor: 'dba',
      changes: { amount: { before: 'n/a 2', after: null } },
    });
    const nulls = store.db
      .prepare(`SELECT count(*) AS n FROM records WHERE json_type(data, '$."amount"') = 'null'`)
      .get() as { n: number };
    expect(nulls.n).toBe(300);
    const kept = store.db
      .prepare(
        `SELECT count(*) AS n FROM record_history WHERE action = 'type_change'
         AND json_extract(changes, '$.amount.after') IS NULL AND json_extract(changes, '$.amount.before') LIKE 'n/a %'`,
      )
      .get() as { n: number };
    expect(kept.n).toBe(300);
    expect(forms.getDraft('wA', 'contacts')?.definition.fields[2]).toMatchObject({ id: 'amount', type: 'number' });
    // Review #5: the live definition switches with the data, in the same transaction (version 2 of the form).
    expect(result).toMatchObject({ publishedVersion: 2 });
    expect(forms.getPublished('wA', 'contacts')).toMatchObject({ version: 2, publishedBy: 'dba' });
    expect(forms.getPublished('wA', 'contacts')?.definition.fields[2]).toMatchObject({ id: 'amount', type: 'number' });
    expect(forms.getPublished('wA', 'contacts', 1)?.definition.fields[2]?.type).toBe('text');
    expect(store.records.getRecord('wA', ids[3]!)?.formVersion).toBe(2);
    expect(auditActions(store, 'wA').at(-1)).toBe('form.field_type_changed');
    const search = store.db.prepare('SELECT search FROM records WHERE id = ?').get(ids[3]!) as { search: string };
    expect(JSON.parse(search.search)).toEqual({ name: 'c3' });
  });
});

describe('changeFieldType guards', () => {
  let store: Store;
  let forms: FormRepository;
  let close: () => void;
  beforeEach(() => {
    ({ store, forms, close } = openFormTestStore());
    forms.createForm({ workspaceId: 'wA', appId: 'app-wA', definition: contactsForm(), actor: 'alice' });
  });
  afterEach(() => close());

  it('reject applies when everything converts; empty values stay untouched', () => {
    const [a, b, c] = seedRecords(store, 'wA', [{ amount: '1,200' }, { name: 'no amount' }, { amount: '  ' }]);
    expect(change(forms, 'reject')).toMatchObject({ ok: true, applied: true, convertible: 1, empty: 2 });
    expect(store.records.getRecord('wA', a!)?.data.amount).toBe(1200);
    expect(store.records.getRecord('wA', b!)).toMatchObject({ version: 1, data: { name: 'no amount' } });
    expect(store.records.listHistory('wA', c!).at(-1)?.changes).toEqual({ amount: { before: '  ', after: null } });
  });

  it('workspace B cannot dry-run or apply on A’s form; a hostile field id is refused before any SQL', () => {
    seedRecords(store, 'wA', [{ amount: '1' }]);
    const before = snapshot(store);
    expect(change(forms, 'dryRun', 'wB')).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(change(forms, 'keepOriginal', 'wB')).toEqual({ ok: false, reason: 'NOT_FOUND' });
    const hostile = `amount"') OR 1=1 --`;
    const result = forms.changeFieldType({
      workspaceId: 'wA',
      formId: 'contacts',
      fieldId: hostile,
      newField: { ...numberAmount, id: hostile },
      strategy: 'keepOriginal',
      actor: 'x',
    });
    expect(result).toEqual({ ok: false, reason: 'FIELD_NOT_FOUND' });
    expect(snapshot(store)).toBe(before);
  });

  it('a unique field whose converted values collide rolls back with UNIQUE_CONFLICT', () => {
    seedRecords(store, 'wA', [{ amount: '1,200' }, { amount: '1200' }]);
    const before = snapshot(store);
    const result = forms.changeFieldType({
      workspaceId: 'wA',
      formId: 'contacts',
      fieldId: 'amount',
      newField: { ...numberAmount, unique: true },
      strategy: 'keepOriginal',
      actor: 'x',
    });
    expect(result).toMatchObject({ ok: false, reason: 'UNIQUE_CONFLICT' });
    expect(snapshot(store)).toBe(before);
  });

  it('converts records in the recycle bin too: restored later, they match the new type (review #5)', () => {
    const [live, binned] = seedRecords(store, 'wA', [{ amount: '1,200' }, { amount: '3,400' }]);
    expect(store.records.deleteRecord({ workspaceId: 'wA', id: binned!, actor: 'x' }).ok).toBe(true);
    expect(change(forms, 'dryRun')).toMatchObject({ convertible: 2 });
    expect(change(forms, 'reject')).toMatchObject({ ok: true, applied: true, changedRecords: 2 });
    expect(store.records.getRecord('wA', live!)?.data.amount).toBe(1200);
    expect(store.records.getRecord('wA', binned!, { includeDeleted: true })).toMatchObject({
      version: 3,
      data: { amount: 3400 },
    });
    expect(store.records.listHistory('wA', binned!).at(-1)).toMatchObject({ version: 3, action: 'type_change' });
    const restored = store.records.restoreRecord({ workspaceId: 'wA', id: binned!, actor: 'x' });
    expect(restored.ok && restored.record).toMatchObject({ version: 4, deletedAt: null, data: { amount: 3400 } });
  });

  it('publishes n+1 with only the changed field, together with the data; a rollback publishes nothing', () => {
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'alice' }).ok).toBe(true);
    const [a] = seedRecords(store, 'wA', [{ amount: '7' }]);
    const draft = contactsForm();
    const relabelled = { ...draft, fields: draft.fields.map((f) => (f.id === 'name' ? { ...f, label: 'Draft' } : f)) };
    expect(forms.saveDraft({ workspaceId: 'wA', formId: 'contacts', definition: relabelled, actor: 'x' }).ok).toBe(
      true,
    );
    const versions = () => forms.listVersions('wA', 'contacts').map((v) => v.version);
    const collide = { ...numberAmount, unique: true };
    seedRecords(store, 'wA', [{ amount: '7.0' }]);
    const clash = forms.changeFieldType({ ...changeInput, newField: collide, strategy: 'keepOriginal' });
    expect(clash).toMatchObject({ ok: false, reason: 'UNIQUE_CONFLICT' });
    expect(versions()).toEqual([1]);
    expect(forms.getPublished('wA', 'contacts')?.definition.fields[2]?.type).toBe('text');
    expect(change(forms, 'keepOriginal')).toMatchObject({ ok: true, applied: true, publishedVersion: 2 });
    expect(versions()).toEqual([1, 2]);
    const live = forms.getPublished('wA', 'contacts')?.definition;
    expect(live?.fields.map((f) => [f.id, f.type, f.label])).toEqual([
      ['name', 'text', 'Name'],
      ['email', 'email', 'Email'],
      ['amount', 'number', 'Amount'],
    ]);
    expect(forms.getDraft('wA', 'contacts')?.definition.fields[0]?.label).toBe('Draft');
    expect(store.records.getRecord('wA', a!)).toMatchObject({ formVersion: 2, data: { amount: 7 } });
    expect(auditActions(store, 'wA').slice(-2)).toEqual(['form.published', 'form.field_type_changed']);
  });

  it('a form never published (or whose published version lacks the field) publishes nothing', () => {
    seedRecords(store, 'wA', [{ amount: '5' }]);
    expect(change(forms, 'keepOriginal')).toMatchObject({ ok: true, applied: true, publishedVersion: null });
    expect(forms.listVersions('wA', 'contacts')).toEqual([]);
  });

  it('refuses an invalid new field definition with the engine problems', () => {
    const result = forms.changeFieldType({
      workspaceId: 'wA',
      formId: 'contacts',
      fieldId: 'amount',
      newField: { ...numberAmount, settings: { min: 10, max: 1 } },
      strategy: 'dryRun',
      actor: 'x',
    });
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_DEFINITION' });
  });
});
