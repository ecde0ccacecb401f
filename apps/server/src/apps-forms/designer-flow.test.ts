import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
});
afterAll(async () => server.close());

const leads: FormDef = {
  id: 'leads',
  name: { 'zh-CN': '线索', en: 'Leads' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
    { id: 'budget', type: 'text', label: { 'zh-CN': '预算', en: 'Budget' } },
    {
      id: 'status',
      type: 'select',
      label: '状态',
      settings: {
        options: [
          { id: 'new', label: '新' },
          { id: 'won', label: '赢单' },
        ],
      },
    },
  ],
};

const draftOf = async () => (await owner.request('GET', '/api/v1/forms/leads/draft')).body.definition as FormDef;
const recordData = (id: string) => server.ctx.store.records.getRecord(owner.workspaceId, id)?.data;

describe('the designer flow, over real HTTP', () => {
  const records: Record<string, string> = {};

  it('creates an app and a form draft that is not live until published', async () => {
    const app = await owner.request('POST', '/api/v1/apps', { id: 'crm', name: { 'zh-CN': '客户管理', en: 'CRM' } });
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({ id: 'crm', forms: [] });

    const form = await owner.request('POST', '/api/v1/apps/crm/forms', leads);
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({ formId: 'leads', appId: 'crm', publishedVersion: null });
    expect((await owner.request('GET', '/api/v1/forms/leads')).status).toBe(404);
    expect((await owner.request('POST', '/api/v1/forms/leads/records', { data: { name: 'x' } })).status).toBe(404);

    const again = await owner.request('POST', '/api/v1/apps/crm/forms', leads);
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('DUPLICATE_FORM_ID');

    const listed = await owner.request('GET', '/api/v1/apps/crm');
    expect(listed.body.forms).toEqual([
      expect.objectContaining({ id: 'leads', name: leads.name, publishedVersion: null }),
    ]);
  });

  it('saves the draft, shows the diff, publishes version 1', async () => {
    const note = { id: 'note', type: 'textarea', label: { 'zh-CN': '备注', en: 'Note' } } as const;
    const saved = await owner.request('PUT', '/api/v1/forms/leads/draft', {
      ...leads,
      fields: [...leads.fields, note],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.definition.fields.map((f: { id: string }) => f.id)).toEqual(['name', 'budget', 'status', 'note']);

    const diff = await owner.request('GET', '/api/v1/forms/leads/diff');
    expect(diff.body).toEqual({
      publishedVersion: null,
      added: ['name', 'budget', 'status', 'note'],
      removed: [],
      changed: [],
      deleted: [],
      restored: [],
    });

    const published = await owner.request('POST', '/api/v1/forms/leads/publish');
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ formId: 'leads', version: 1, publishedBy: owner.memberId });
    expect(published.body.definition.version).toBe(1);

    const live = await owner.request('GET', '/api/v1/forms/leads');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ id: 'leads', appId: 'crm', version: 1 });
    expect(live.body.access.actions).toContain('manage');

    for (const [key, budget] of [
      ['ok', '¥1,200.50'],
      ['bad', 'about ten thousand'],
      ['empty', ''],
    ] as const) {
      const made = await owner.request('POST', '/api/v1/forms/leads/records', {
        data: { name: key, budget, status: 'new', note: `note of ${key}` },
      });
      expect(made.status, made.text).toBe(201);
      records[key] = made.body.id;
    }
  });

  it('deleting a field hides it once published and keeps its values; restore brings it back', async () => {
    const deleted = await owner.request('POST', '/api/v1/forms/leads/fields/note/delete');
    expect(deleted.status).toBe(200);
    expect(deleted.body.definition.fields.find((f: { id: string }) => f.id === 'note')).toMatchObject({
      deleted: true,
    });
    expect((await owner.request('GET', '/api/v1/forms/leads/diff')).body).toMatchObject({
      deleted: ['note'],
      changed: ['note'],
      removed: [],
    });
    // Drafts never disturb the live form.
    expect((await owner.request('GET', '/api/v1/forms/leads')).body.fields.map((f: { id: string }) => f.id)).toContain(
      'note',
    );
    expect((await owner.request('POST', '/api/v1/forms/leads/publish')).body.version).toBe(2);

    const live = await owner.request('GET', '/api/v1/forms/leads');
    expect(live.body.fields.map((f: { id: string }) => f.id)).toEqual(['name', 'budget', 'status']);
    expect(live.text).not.toContain('备注');
    expect(recordData(records['ok'] as string)).toMatchObject({ note: 'note of ok' });

    expect((await owner.request('POST', '/api/v1/forms/leads/fields/nope/delete')).status).toBe(404);
    const restored = await owner.request('POST', '/api/v1/forms/leads/fields/note/restore');
    expect(restored.status).toBe(200);
    expect(restored.body.definition.fields.find((f: { id: string }) => f.id === 'note').deleted).toBeUndefined();
    expect((await owner.request('GET', '/api/v1/forms/leads/diff')).body.restored).toEqual(['note']);
    expect((await owner.request('POST', '/api/v1/forms/leads/publish')).body.version).toBe(3);
    const back = await owner.request('GET', `/api/v1/records/${records['ok'] as string}`);
    expect(back.body.data.note).toBe('note of ok');
  });

  it('refuses to publish a draft that drops a published field (409 FIELD_REMOVED)', async () => {
    const draft = await draftOf();
    const dropped = { ...draft, fields: draft.fields.filter((f) => f.id !== 'status') };
    expect((await owner.request('PUT', '/api/v1/forms/leads/draft', dropped)).status).toBe(200);
    expect((await owner.request('GET', '/api/v1/forms/leads/diff')).body.removed).toEqual(['status']);
    const refused = await owner.request('POST', '/api/v1/forms/leads/publish', undefined, {
      'accept-language': 'zh-CN',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('FIELD_REMOVED');
    expect(refused.body.fieldIds).toEqual(['status']);
    expect(refused.body.errors[0].message).toContain('不能直接移除');
    expect((await owner.request('GET', '/api/v1/forms/leads/versions')).body.versions).toHaveLength(3);
    expect((await owner.request('PUT', '/api/v1/forms/leads/draft', draft)).status).toBe(200);
  });

  it('refuses an invalid draft with every problem, localised, writing nothing', async () => {
    const before = await draftOf();
    const broken = {
      ...before,
      fields: [...before.fields, { id: 'name', type: 'text', label: 'dup' }, { id: 'x', type: 'nope', label: 'x' }],
    };
    const zh = await owner.request('PUT', '/api/v1/forms/leads/draft', broken, { 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(422);
    expect(zh.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(zh.body.code).toBe('INVALID_DEFINITION');
    expect(zh.body.errors.length).toBeGreaterThanOrEqual(1);
    expect(zh.body.errors.every((e: { path: string; code: string }) => e.path.startsWith('fields') && e.code)).toBe(
      true,
    );
    expect(zh.body.errors.some((e: { message: string }) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);

    const typeChange = {
      ...before,
      fields: before.fields.map((f) => (f.id === 'budget' ? { ...f, type: 'number' } : f)),
    };
    const refused = await owner.request('PUT', '/api/v1/forms/leads/draft', typeChange);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].code).toBe('TYPE_CHANGE_NEEDS_CONVERSION');
    expect(await draftOf()).toEqual(before);
  });

  it('changes a field type: dry run, reject, then keepOriginal', async () => {
    const budgetNumber = { id: 'budget', type: 'number', label: { 'zh-CN': '预算', en: 'Budget' } };
    const before = [recordData(records['ok'] as string), recordData(records['bad'] as string)];
    const dry = await owner.request('POST', '/api/v1/forms/leads/fields/budget/type-change', {
      field: budgetNumber,
      strategy: 'dryRun',
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ applied: false, convertible: 1, unconvertible: 1 });
    expect(dry.body.samples).toEqual([
      expect.objectContaining({ recordId: records['bad'], before: 'about ten thousand' }),
    ]);
    expect([recordData(records['ok'] as string), recordData(records['bad'] as string)]).toEqual(before);

    const rejected = await owner.request('POST', '/api/v1/forms/leads/fields/budget/type-change', {
      field: budgetNumber,
      strategy: 'reject',
    });
    expect(rejected.status).toBe(409);
    expect(rejected.body).toMatchObject({ code: 'UNCONVERTIBLE', unconvertible: 1 });
    expect((await draftOf()).fields.find((f) => f.id === 'budget')?.type).toBe('text');

    const applied = await owner.request('POST', '/api/v1/forms/leads/fields/budget/type-change', {
      field: budgetNumber,
      strategy: 'keepOriginal',
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, keptOriginal: 1, publishedVersion: 4 });
    expect(recordData(records['ok'] as string)?.['budget']).toBe(1200.5);
    expect(recordData(records['bad'] as string)?.['budget']).toBeNull();
    const history = await owner.request('GET', `/api/v1/records/${records['bad'] as string}/history`);
    expect(history.text).toContain('about ten thousand');
    const live = await owner.request('GET', '/api/v1/forms/leads');
    expect(live.body.fields.find((f: { id: string }) => f.id === 'budget').type).toBe('number');

    const unknown = await owner.request('POST', '/api/v1/forms/leads/fields/ghost/type-change', {
      field: { ...budgetNumber, id: 'ghost' },
      strategy: 'dryRun',
    });
    expect(unknown.status).toBe(404);
    const mismatch = await owner.request('POST', '/api/v1/forms/leads/fields/budget/type-change', {
      field: { ...budgetNumber, id: 'other' },
      strategy: 'dryRun',
    });
    expect(mismatch.status).toBe(422);
  });

  it('lists versions and reads an old one unchanged', async () => {
    const versions = await owner.request('GET', '/api/v1/forms/leads/versions');
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4]);
    const v2 = await owner.request('GET', '/api/v1/forms/leads/versions/2');
    expect(v2.status).toBe(200);
    expect(v2.body.definition.fields.find((f: { id: string }) => f.id === 'note').deleted).toBe(true);
    expect(v2.body.definition.fields.find((f: { id: string }) => f.id === 'budget').type).toBe('text');
    expect((await owner.request('GET', '/api/v1/forms/leads/versions/99')).status).toBe(404);
    expect((await owner.request('GET', '/api/v1/forms/leads/versions/abc')).status).toBe(400);
  });

  it('replaces the app definition, then deletes the form and the app (soft)', async () => {
    const group = {
      id: 'everyone-submits',
      formId: 'leads',
      name: 'All',
      principals: [{ kind: 'everyone' }],
      actions: ['submit'],
    };
    const view = { id: 'all-leads', formId: 'leads', name: '全部', type: 'grid' };
    const put = await owner.request('PUT', '/api/v1/apps/crm', {
      id: 'crm',
      name: 'CRM 2',
      permissionGroups: [group],
      views: [view],
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ name: 'CRM 2', permissionGroups: [group], views: [view] });
    const badRef = await owner.request('PUT', '/api/v1/apps/crm', {
      id: 'crm',
      name: 'CRM 3',
      views: [{ ...view, formId: 'ghost' }],
    });
    expect(badRef.status).toBe(422);
    expect((await owner.request('GET', '/api/v1/apps/crm')).body.name).toBe('CRM 2');

    expect((await owner.request('DELETE', '/api/v1/forms/leads')).status).toBe(204);
    expect((await owner.request('GET', '/api/v1/forms/leads/draft')).status).toBe(404);
    expect((await owner.request('GET', '/api/v1/forms/leads')).status).toBe(404);
    expect((await owner.request('GET', `/api/v1/records/${records['ok'] as string}`)).status).toBe(404);
    const app = await owner.request('GET', '/api/v1/apps/crm');
    expect(app.body.forms).toEqual([]);
    expect(app.body.permissionGroups).toEqual([]);
    expect(app.body.views).toEqual([]);
    // The records are kept in the database.
    expect(recordData(records['ok'] as string)).toBeDefined();

    expect((await owner.request('DELETE', '/api/v1/apps/crm')).status).toBe(204);
    expect((await owner.request('GET', '/api/v1/apps/crm')).status).toBe(404);
    expect((await owner.request('GET', '/api/v1/apps')).body.apps).toEqual([]);
    expect((await owner.request('DELETE', '/api/v1/apps/crm')).status).toBe(404);
    const reused = await owner.request('POST', '/api/v1/apps', { id: 'crm', name: 'again' });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('ID_TAKEN');
  });
});
