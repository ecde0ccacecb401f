import type { FormDef } from '@formflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppRepository } from '../apps/app-repository.js';
import type { Store } from '../store.js';
import { openTestStore } from '../testing/open-test-store.js';
import { FormRepository } from './form-repository.js';

let store: Store;
let close: () => void;
let forms: FormRepository;
beforeEach(() => {
  ({ store, close } = openTestStore());
  forms = new FormRepository(store.db);
});
afterEach(() => close());

/** The same template's form, as two workspaces install it (labels differ so reads can tell them apart). */
const contacts = (label: string): FormDef => ({
  id: 'contacts',
  name: 'Contacts',
  fields: [
    { id: 'email', type: 'email', label, unique: true },
    { id: 'no', type: 'serial', label: 'No.', settings: { prefix: 'C-' } },
  ],
});
const serialFields = [{ fieldId: 'no', prefix: 'C-' }];

function install(workspaceId: string, label: string): void {
  const app = new AppRepository(store.db).createApp({
    workspaceId,
    definition: { id: 'crm', name: 'CRM' },
    actor: 'x',
  });
  expect(app.ok).toBe(true);
  const form = forms.createForm({ workspaceId, appId: 'crm', definition: contacts(label), actor: 'x' });
  expect(form.ok).toBe(true);
  expect(forms.publish({ workspaceId, formId: 'contacts', actor: 'x' }).ok).toBe(true);
}
function submit(workspaceId: string, email: string) {
  return store.records.createRecord({
    workspaceId,
    formId: 'contacts',
    formVersion: 1,
    data: { email },
    actor: 'x',
    uniqueFields: ['email'],
    serialFields,
  });
}

describe('two workspaces installing the same template (review #6)', () => {
  it('both get form "contacts"; unique values and serial counters are per workspace', () => {
    install('wA', 'Email A');
    install('wB', 'Email B');
    const a1 = submit('wA', 'same@example.com');
    const b1 = submit('wB', 'SAME@example.com');
    expect([a1.ok && a1.record.data['no'], b1.ok && b1.record.data['no']]).toEqual(['C-0001', 'C-0001']);
    expect(submit('wA', 'same@example.com')).toMatchObject({
      ok: false,
      reason: 'UNIQUE_CONFLICT',
      existingRecordId: a1.ok ? a1.record.id : '',
    });
    const a2 = submit('wA', 'other@example.com');
    const a3 = submit('wA', 'third@example.com');
    const b2 = submit('wB', 'other@example.com');
    expect([a2, a3, b2].map((r) => r.ok && r.record.data['no'])).toEqual(['C-0002', 'C-0003', 'C-0002']);
    expect(store.db.prepare('SELECT workspace_id, value FROM serial_counters ORDER BY 1').all()).toEqual([
      { workspace_id: 'wA', value: 3 },
      { workspace_id: 'wB', value: 2 },
    ]);
  });

  it('reading, saving and publishing one workspace’s form never touches or returns the other’s', () => {
    install('wA', 'Email A');
    install('wB', 'Email B');
    expect(forms.getDraft('wA', 'contacts')?.definition.fields[0]?.label).toBe('Email A');
    expect(forms.getDraft('wB', 'contacts')?.definition.fields[0]?.label).toBe('Email B');
    const saved = forms.saveDraft({
      workspaceId: 'wA',
      formId: 'contacts',
      definition: contacts('Email A2'),
      actor: 'x',
    });
    expect(saved.ok).toBe(true);
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'x' })).toMatchObject({
      ok: true,
      published: { version: 2 },
    });
    expect(forms.listVersions('wA', 'contacts').map((v) => v.version)).toEqual([1, 2]);
    expect(forms.listVersions('wB', 'contacts').map((v) => v.version)).toEqual([1]);
    expect(forms.getPublished('wA', 'contacts')?.definition.fields[0]?.label).toBe('Email A2');
    expect(forms.getPublished('wB', 'contacts')?.definition.fields[0]?.label).toBe('Email B');
    expect(forms.getPublished('wB', 'contacts', 2)).toBeUndefined();
    expect(forms.getDraft('wB', 'contacts')?.definition.fields[0]?.label).toBe('Email B');
    expect(forms.listForms('wB', 'crm').map((f) => [f.formId, f.publishedVersion])).toEqual([['contacts', 1]]);
    // A second form with the same id in the same workspace is still refused, even in another app.
    new AppRepository(store.db).createApp({ workspaceId: 'wA', definition: { id: 'ops', name: 'Ops' }, actor: 'x' });
    expect(forms.createForm({ workspaceId: 'wA', appId: 'ops', definition: contacts('x'), actor: 'x' })).toMatchObject({
      ok: false,
      problems: [{ code: 'DUPLICATE_FORM_ID' }],
    });
  });
});
