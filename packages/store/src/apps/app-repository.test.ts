import type { PermissionGroupDef } from '@formflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsForm } from '../forms/form-test-support.js';
import { FormRepository } from '../forms/form-repository.js';
import type { Store } from '../store.js';
import { openTestStore } from '../testing/open-test-store.js';
import { AppRepository } from './app-repository.js';

let store: Store;
let close: () => void;
let apps: AppRepository;
let forms: FormRepository;
beforeEach(() => {
  ({ store, close } = openTestStore());
  apps = new AppRepository(store.db, () => new Date('2026-02-01T00:00:00Z'));
  forms = new FormRepository(store.db);
});
afterEach(() => close());

const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const audit = (ws: string) =>
  store.db.prepare('SELECT action, target_type, target_id FROM audit_log WHERE workspace_id = ? ORDER BY id').all(ws);
const group = (patch: Partial<PermissionGroupDef> = {}): PermissionGroupDef => ({
  id: 'sales',
  formId: 'contacts',
  name: 'Sales',
  principals: [{ kind: 'role', id: 'role-sales' }],
  actions: ['view'],
  fields: { email: 'hidden' },
  ...patch,
});
function crm(workspaceId = 'wA') {
  const created = apps.createApp({ workspaceId, definition: { id: 'crm', name: 'CRM', icon: 'users' }, actor: 'al' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.app;
}
function withContacts(workspaceId = 'wA') {
  crm(workspaceId);
  const form = forms.createForm({ workspaceId, appId: 'crm', definition: contactsForm(), actor: 'al' });
  if (!form.ok) throw new Error(JSON.stringify(form));
}

describe('AppRepository', () => {
  it('creates an app with a generated id, an audit row, and reads it back', () => {
    const created = apps.createApp({
      workspaceId: 'wA',
      definition: { name: { en: 'Sales', 'zh-CN': '销售' } },
      actor: 'al',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.app).toMatchObject({
      workspaceId: 'wA',
      name: { en: 'Sales', 'zh-CN': '销售' },
      createdAt: '2026-02-01T00:00:00.000Z',
      formIds: [],
    });
    expect(created.app.id).toMatch(/^app-[0-9a-f-]{36}$/);
    expect(created.app.definition).toEqual({ id: created.app.id, name: { en: 'Sales', 'zh-CN': '销售' } });
    expect(apps.getApp('wA', created.app.id)).toEqual(created.app);
    expect(audit('wA')).toEqual([{ action: 'app.created', target_type: 'app', target_id: created.app.id }]);
  });

  it('lists live apps by name; the definition id is kept, ID_TAKEN per workspace only', () => {
    crm();
    expect(apps.createApp({ workspaceId: 'wA', definition: { id: 'ops', name: 'Ops' }, actor: null }).ok).toBe(true);
    expect(apps.createApp({ workspaceId: 'wA', definition: { id: 'bi', name: 'BI', forms: [] }, actor: null }).ok).toBe(
      true,
    );
    expect(apps.listApps('wA').map((a) => [a.id, a.name, a.icon])).toEqual([
      ['bi', 'BI', undefined],
      ['crm', 'CRM', 'users'],
      ['ops', 'Ops', undefined],
    ]);
    expect(apps.createApp({ workspaceId: 'wA', definition: { id: 'crm', name: 'Again' }, actor: null })).toEqual({
      ok: false,
      reason: 'ID_TAKEN',
    });
    expect(crm('wB').id).toBe('crm');
  });

  it('refuses invalid definitions and definitions carrying forms, writing nothing', () => {
    const missingName = apps.createApp({ workspaceId: 'wA', definition: { id: 'crm' }, actor: null });
    expect(missingName).toMatchObject({ ok: false, reason: 'INVALID_DEFINITION' });
    const withForms = apps.createApp({
      workspaceId: 'wA',
      definition: { id: 'crm', name: 'CRM', forms: [contactsForm()] },
      actor: null,
    });
    expect(withForms).toMatchObject({ ok: false, problems: [{ path: 'forms', code: 'FORMS_NOT_ALLOWED' }] });
    expect(apps.createApp({ workspaceId: 'wA', definition: 'crm', actor: null }).ok).toBe(false);
    const badGroup = { id: 'crm', name: 'CRM', permissionGroups: [group()] };
    expect(apps.createApp({ workspaceId: 'wA', definition: badGroup, actor: null })).toMatchObject({
      ok: false,
      problems: [{ path: 'permissionGroups[0].formId', code: 'UNKNOWN_FORM_REFERENCE' }],
    });
    expect([count('apps'), count('audit_log')]).toEqual([0, 0]);
  });

  it('updates with the current form drafts: permission groups must name existing forms and fields', () => {
    withContacts();
    const update = (definition: unknown) =>
      apps.updateApp({ workspaceId: 'wA', appId: 'crm', definition, actor: 'bo' });
    expect(update({ name: 'CRM', permissionGroups: [group({ fields: { salary: 'hidden' } })] })).toMatchObject({
      ok: false,
      problems: [{ path: 'permissionGroups[0].fields.salary', code: 'UNKNOWN_FIELD_REFERENCE' }],
    });
    expect(update({ id: 'other', name: 'CRM' })).toMatchObject({ problems: [{ code: 'APP_ID_MISMATCH' }] });
    const updated = update({ name: 'CRM 2', permissionGroups: [group()] });
    expect(updated).toMatchObject({ ok: true, app: { id: 'crm', name: 'CRM 2', formIds: ['contacts'] } });
    expect(apps.getApp('wA', 'crm')?.definition).toEqual({ id: 'crm', name: 'CRM 2', permissionGroups: [group()] });
    expect(apps.permissionGroups('wA', 'crm')).toEqual([group()]);
    expect(apps.appOfForm('wA', 'contacts')?.name).toBe('CRM 2');
    expect(apps.updateApp({ workspaceId: 'wA', appId: 'nope', definition: { name: 'X' }, actor: null })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(audit('wA').map((r) => (r as { action: string }).action)).toEqual([
      'app.created',
      'form.created',
      'app.updated',
    ]);
  });

  it('soft-deletes: the app and its forms are not found; the id stays taken; creating forms in it is refused', () => {
    withContacts();
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'al' }).ok).toBe(true);
    expect(forms.listForms('wA', 'crm').map((f) => [f.formId, f.name, f.publishedVersion])).toEqual([
      ['contacts', 'Contacts', 1],
    ]);
    expect(apps.deleteApp('wA', 'crm', 'al')).toBe(true);
    expect(apps.deleteApp('wA', 'crm', 'al')).toBe(false);
    expect(apps.getApp('wA', 'crm')).toBeUndefined();
    expect(apps.listApps('wA')).toEqual([]);
    expect(apps.appOfForm('wA', 'contacts')).toBeUndefined();
    expect(apps.permissionGroups('wA', 'crm')).toEqual([]);
    expect(forms.getDraft('wA', 'contacts')).toBeUndefined();
    expect(forms.getPublished('wA', 'contacts')).toBeUndefined();
    expect(forms.getPublished('wA', 'contacts', 1)).toBeUndefined();
    expect(forms.listVersions('wA', 'contacts')).toEqual([]);
    expect(forms.listForms('wA', 'crm')).toEqual([]);
    expect(forms.publish({ workspaceId: 'wA', formId: 'contacts', actor: 'al' })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    const leads = { ...contactsForm(), id: 'leads' };
    expect(forms.createForm({ workspaceId: 'wA', appId: 'crm', definition: leads, actor: 'al' })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(apps.createApp({ workspaceId: 'wA', definition: { id: 'crm', name: 'CRM' }, actor: null })).toEqual({
      ok: false,
      reason: 'ID_TAKEN',
    });
    expect(audit('wA').at(-1)).toEqual({ action: 'app.deleted', target_type: 'app', target_id: 'crm' });
  });

  it('an app of another workspace answers not found everywhere', () => {
    withContacts();
    expect(apps.getApp('wB', 'crm')).toBeUndefined();
    expect(apps.listApps('wB')).toEqual([]);
    expect(apps.updateApp({ workspaceId: 'wB', appId: 'crm', definition: { name: 'X' }, actor: null })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(apps.deleteApp('wB', 'crm', null)).toBe(false);
    expect(apps.appOfForm('wB', 'contacts')).toBeUndefined();
    expect(forms.listForms('wB', 'crm')).toEqual([]);
    expect(forms.createForm({ workspaceId: 'wB', appId: 'crm', definition: contactsForm(), actor: null })).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
    expect(apps.getApp('wA', 'crm')?.formIds).toEqual(['contacts']);
  });
});
