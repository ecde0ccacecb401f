import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import type { Store } from '../store.js';
import type { FormRepository } from './form-repository.js';
import {
  auditActions,
  contactsForm,
  emailField,
  nameField,
  openFormTestStore,
  seedRecords,
} from './form-test-support.js';

let store: Store;
let forms: FormRepository;
let close: () => void;
beforeEach(() => {
  ({ store, forms, close } = openFormTestStore());
});
afterEach(() => close());

const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const dataText = (id: string) =>
  (store.db.prepare('SELECT data FROM records WHERE id = ?').get(id) as { data: string }).data;

function created(definition: FormDef = contactsForm()) {
  const result = forms.createForm({ workspaceId: 'wA', appId: 'app-wA', definition, actor: 'alice' });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const published = forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'alice' });
  if (!published.ok) throw new Error(JSON.stringify(published));
  return result.form;
}
function save(definition: FormDef) {
  return forms.saveDraft({ workspaceId: 'wA', formId: 'contacts', definition, actor: 'bob' });
}
const fieldsWith = (id: string, patch: object) => {
  const def = contactsForm();
  return { ...def, fields: def.fields.map((f) => (f.id === id ? { ...f, ...patch } : f)) };
};

describe('FormRepository', () => {
  it('refuses a definition with problems and writes nothing', () => {
    const bad = { id: 'contacts', name: 'Contacts', fields: [nameField, { ...nameField }, { id: 'x', type: 'nope' }] };
    const result = forms.createForm({ workspaceId: 'wA', appId: 'app-wA', definition: bad, actor: 'alice' });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason === 'INVALID_DEFINITION' && result.problems.length).toBeGreaterThan(0);
    expect([count('forms'), count('form_versions'), count('audit_log')]).toEqual([0, 0, 0]);
  });

  it('creates a draft, publishes immutable versions n+1, lists them; form_versions rows cannot be updated', () => {
    const form = created();
    expect(form).toMatchObject({ formId: 'contacts', appId: 'app-wA', publishedVersion: null });
    expect(save(fieldsWith('name', { label: 'Full name' })).ok).toBe(true);
    const v2 = forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'carol' });
    expect(v2.ok && v2.published.version).toBe(2);
    expect(forms.listVersions('wA', 'contacts').map((v) => [v.version, v.publishedBy])).toEqual([
      [1, 'alice'],
      [2, 'carol'],
    ]);
    expect(forms.getPublished('wA', 'contacts', 1)?.definition.fields[0]?.label).toBe('Name');
    const latest = forms.getPublished('wA', 'contacts');
    expect([latest?.version, latest?.definition.version, latest?.definition.fields[0]?.label]).toEqual([
      2,
      2,
      'Full name',
    ]);
    expect(forms.getDraft('wA', 'contacts')?.publishedVersion).toBe(2);
    expect(() => store.db.prepare(`UPDATE form_versions SET definition = '{}' WHERE version = 1`).run()).toThrow(
      /immutable/,
    );
    expect(auditActions(store, 'wA')).toEqual(['form.created', 'form.published', 'form.draft_saved', 'form.published']);
  });

  it('diffDraft lists added, removed, changed, deleted and restored field ids', () => {
    created();
    const def = fieldsWith('email', { deleted: true });
    def.fields = [...def.fields.filter((f) => f.id !== 'amount'), { id: 'city', type: 'text', label: 'City' }];
    def.fields[0] = { ...nameField, label: 'Customer' };
    expect(save(def).ok).toBe(true);
    expect(forms.diffDraft('wA', 'contacts')).toEqual({
      added: ['city'],
      removed: ['amount'],
      changed: ['name', 'email'],
      deleted: ['email'],
      restored: [],
    });
  });

  it('B1: renaming a field label and key never touches records: values read under the same id', () => {
    created();
    const ids = seedRecords(store, 'wA', [{ email: 'a@x.cn' }, { email: 'b@x.cn' }]);
    const before = ids.map(dataText);
    expect(save(fieldsWith('email', { label: 'Contact email', key: 'contact_email' })).ok).toBe(true);
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'bob' }).ok).toBe(true);
    expect(ids.map(dataText)).toEqual(before);
    expect(ids.map((id) => store.records.getRecord('wA', id)?.data.email)).toEqual(['a@x.cn', 'b@x.cn']);
    expect(forms.getPublished('wA', 'contacts')?.definition.fields[1]).toMatchObject({
      id: 'email',
      key: 'contact_email',
    });
  });

  it('B2: deleting a field keeps its values; restoring brings them back byte-identical, with audit entries', () => {
    created();
    const ids = seedRecords(store, 'wA', [
      { name: '客户 👨‍👩‍👧‍👦', email: 'a@x.cn' },
      { name: 'é', email: 'b@x.cn' },
    ]);
    const before = ids.map(dataText);
    expect(save(fieldsWith('name', { deleted: true })).ok).toBe(true);
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'bob' }).ok).toBe(true);
    expect(forms.getPublished('wA', 'contacts')?.definition.fields[0]).toMatchObject({ id: 'name', deleted: true });
    expect(ids.map(dataText)).toEqual(before);
    expect(save(contactsForm()).ok).toBe(true);
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'bob' }).ok).toBe(true);
    expect(ids.map(dataText)).toEqual(before);
    expect(auditActions(store, 'wA')).toEqual([
      'form.created',
      'form.published',
      'form.draft_saved',
      'form.field_deleted',
      'form.published',
      'form.draft_saved',
      'form.field_restored',
      'form.published',
    ]);
  });

  it('a publish that drops a field id is refused with FIELD_REMOVED and writes nothing', () => {
    created();
    expect(save(contactsForm([nameField, emailField])).ok).toBe(true);
    const auditRows = count('audit_log');
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'bob' })).toEqual({
      ok: false,
      reason: 'FIELD_REMOVED',
      fieldIds: ['amount'],
    });
    expect([count('form_versions'), count('audit_log'), forms.getDraft('wA', 'contacts')?.publishedVersion]).toEqual([
      1,
      auditRows,
      1,
    ]);
  });

  it('a draft cannot change a field type (that goes through changeFieldType)', () => {
    created();
    const result = save(fieldsWith('amount', { type: 'number' }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'TYPE_CHANGE_NEEDS_CONVERSION' }] });
    expect(save({ ...contactsForm(), id: 'other' })).toMatchObject({
      ok: false,
      problems: [{ code: 'FORM_ID_MISMATCH' }],
    });
  });

  it('tenant isolation: workspace B cannot read, save, publish, diff or create in A', () => {
    created();
    expect(forms.getDraft('wB', 'contacts')).toBeUndefined();
    expect(forms.getPublished('wB', 'contacts')).toBeUndefined();
    expect(forms.getPublished('wB', 'contacts', 1)).toBeUndefined();
    expect(forms.listVersions('wB', 'contacts')).toEqual([]);
    expect(forms.diffDraft('wB', 'contacts')).toBeUndefined();
    expect(forms.publish({ workspaceId: 'wB', formId: 'contacts', actor: 'mallory' })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    const saved = forms.saveDraft({ workspaceId: 'wB', formId: 'contacts', definition: contactsForm(), actor: 'm' });
    expect(saved).toEqual({ ok: false, reason: 'NOT_FOUND' });
    const inOtherApp = {
      workspaceId: 'wB',
      appId: 'app-wA',
      definition: { ...contactsForm(), id: 'leads' },
      actor: 'm',
    };
    expect(forms.createForm(inOtherApp)).toEqual({ ok: false, reason: 'NOT_FOUND' });
    expect(count('form_versions')).toBe(1);
    expect(auditActions(store, 'wB')).toEqual([]);
  });
});
