import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDef, FormDef } from '@formflow/schema';
import { startApiServer, type ApiResponse, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;
/** In the Staff role: view + submit on `staff`, salary and level hidden. */
let alice: TestSession;
/** In no group at all. */
let nobody: TestSession;
/** Granted `manage` on `staff` by a group, but a plain workspace member. */
let designer: TestSession;
let roleId: string;

/** Strings that only the hidden fields carry: no response to alice may contain any of them. */
const SECRETS = ['salary', '薪资', 'Salary', 'level', 'SECRET-LEVEL-LABEL', '职级'];

const staff: FormDef = {
  id: 'staff',
  name: { 'zh-CN': '员工', en: 'Staff' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '姓名', en: 'Name' }, required: true },
    { id: 'salary', type: 'number', label: { 'zh-CN': '薪资', en: 'Salary' } },
    {
      id: 'level',
      type: 'select',
      label: { 'zh-CN': '职级', en: 'Level' },
      settings: { options: [{ id: 'p7', label: 'SECRET-LEVEL-LABEL' }] },
    },
    {
      id: 'bonus',
      type: 'formula',
      label: '奖金',
      settings: { formula: { '*': [{ var: 'salary' }, 0.1] }, resultType: 'number' },
    },
    { id: 'remark', type: 'textarea', label: '备注' },
    { id: 'intro', type: 'description', label: '说明', settings: { content: '请如实填写' } },
  ],
  layout: [{ id: 'row1', fields: ['name', 'salary'] }],
  logic: [
    { id: 'showRemark', kind: 'visible', when: { '>': [{ var: 'salary' }, 10000] }, fields: ['remark'] },
    { id: 'needName', kind: 'required', when: true, fields: ['name', 'level'] },
  ],
  settings: { titleField: 'salary' },
};

const secretForm: FormDef = {
  id: 'payroll',
  name: '工资单',
  fields: [{ id: 'amount', type: 'number', label: '金额' }],
};

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  const role = server.ctx.directory.createRole({ workspaceId: owner.workspaceId, name: 'Staff' });
  if (!role.ok) throw new Error('role');
  roleId = role.role.id;
  alice = await server.addMember({ name: 'Alice', roleIds: [roleId] });
  nobody = await server.addMember({ name: 'Nobody' });
  // A role, not a member principal: member ids are bare UUIDs, which definition ids cannot hold (see report).
  const designers = server.ctx.directory.createRole({ workspaceId: owner.workspaceId, name: 'Designers' });
  if (!designers.ok) throw new Error('role');
  designer = await server.addMember({ name: 'Designer', roleIds: [designers.role.id] });
  const app: Omit<AppDef, 'forms'> & { forms: FormDef[] } = {
    id: 'hr',
    name: '人事',
    forms: [staff, secretForm],
  };
  const views: AppDef['views'] = [
    { id: 'roster', formId: 'staff', name: '花名册', type: 'grid', fields: ['name', 'salary', 'remark'] },
    { id: 'bySalary', formId: 'staff', name: 'By pay', type: 'grid', sort: [{ field: 'salary', direction: 'desc' }] },
    { id: 'payrollView', formId: 'payroll', name: '工资', type: 'grid' },
  ];
  const permissionGroups: AppDef['permissionGroups'] = [
    {
      id: 'staffGroup',
      formId: 'staff',
      name: 'Staff',
      principals: [{ kind: 'role', id: roleId }],
      actions: ['view', 'submit'],
      fields: { salary: 'hidden', level: 'hidden' },
    },
    {
      id: 'designers',
      formId: 'staff',
      name: 'Designers',
      principals: [{ kind: 'role', id: designers.role.id }],
      actions: ['manage'],
    },
  ];
  server.installApp(owner, app);
  const updated = server.ctx.apps.updateApp({
    workspaceId: owner.workspaceId,
    appId: 'hr',
    definition: { id: 'hr', name: '人事', views, permissionGroups },
    actor: owner.memberId,
  });
  if (!updated.ok) throw new Error(JSON.stringify(updated));
  server.installApp(owner, { id: 'finance', name: '财务', forms: [{ ...secretForm, id: 'ledger' }] });
});
afterAll(async () => server.close());

const leaksSecret = (response: ApiResponse) => SECRETS.filter((s) => response.text.includes(s));

describe('what a member sees', () => {
  it('GET /forms/:id strips hidden fields and every trace of them', async () => {
    const response = await alice.request('GET', '/api/v1/forms/staff');
    expect(response.status).toBe(200);
    expect(leaksSecret(response)).toEqual([]);
    const form = response.body;
    expect(form.fields.map((f: { id: string }) => f.id)).toEqual(['name', 'bonus', 'remark', 'intro']);
    expect(form.layout).toEqual([{ id: 'row1', fields: ['name'] }]);
    expect(form.logic).toEqual([{ id: 'needName', kind: 'required', when: true, fields: ['name'] }]);
    expect(form.fields.find((f: { id: string }) => f.id === 'bonus').settings).toEqual({ resultType: 'number' });
    expect(form.settings?.titleField).toBeUndefined();
    expect(new Set(form.access.actions)).toEqual(new Set(['view', 'submit']));
    expect(form.access.readable).not.toContain('salary');
    expect(form.access.writable).toContain('name');

    // The owner sees everything.
    const full = await owner.request('GET', '/api/v1/forms/staff');
    expect(full.body.fields.map((f: { id: string }) => f.id)).toContain('salary');
    expect(full.body.logic).toHaveLength(2);
  });

  it('lists only reachable apps and forms, and views over readable fields only', async () => {
    const apps = await alice.request('GET', '/api/v1/apps');
    expect(apps.body.apps.map((a: { id: string }) => a.id)).toEqual(['hr']);
    const ownerApps = await owner.request('GET', '/api/v1/apps');
    expect(ownerApps.body.apps.map((a: { id: string }) => a.id).sort()).toEqual(['finance', 'hr']);
    expect((await nobody.request('GET', '/api/v1/apps')).body.apps).toEqual([]);

    const app = await alice.request('GET', '/api/v1/apps/hr');
    expect(app.status).toBe(200);
    expect(app.body.forms).toEqual([
      expect.objectContaining({ id: 'staff', publishedVersion: 1, actions: expect.arrayContaining(['view']) }),
    ]);
    expect(app.body.views).toEqual([
      { id: 'roster', formId: 'staff', name: '花名册', type: 'grid', fields: ['name', 'remark'] },
    ]);
    expect(app.body.permissionGroups).toBeUndefined();
    expect(leaksSecret(app)).toEqual([]);
    expect(app.text).not.toContain('payroll');

    expect((await alice.request('GET', '/api/v1/apps/finance')).status).toBe(403);
    expect((await nobody.request('GET', '/api/v1/apps/hr')).status).toBe(403);
    expect((await alice.request('GET', '/api/v1/forms/payroll')).status).toBe(403);
    expect((await nobody.request('GET', '/api/v1/forms/staff')).status).toBe(403);
  });

  it('a member granted manage on a form designs that form, not the app', async () => {
    const draft = await designer.request('GET', '/api/v1/forms/staff/draft');
    expect(draft.status).toBe(200);
    expect(draft.body.definition.fields.map((f: { id: string }) => f.id)).toContain('salary');
    expect((await designer.request('GET', '/api/v1/forms/payroll/draft')).status).toBe(403);
    expect((await designer.request('PUT', '/api/v1/apps/hr', { id: 'hr', name: 'x' })).status).toBe(403);
    expect((await designer.request('POST', '/api/v1/apps/hr/forms', { ...secretForm, id: 'more' })).status).toBe(403);
  });
});

describe('a member without rights', () => {
  it('gets 403 on every admin and designer route, and nothing is written', async () => {
    const before = JSON.stringify([
      server.ctx.apps.getApp(owner.workspaceId, 'hr'),
      server.ctx.forms.getDraft(owner.workspaceId, 'staff'),
      server.ctx.forms.listVersions(owner.workspaceId, 'staff'),
      server.ctx.apps.listApps(owner.workspaceId),
    ]);
    const field = { id: 'remark', type: 'text', label: 'x' };
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/v1/apps', { id: 'mine', name: 'mine' }],
      ['PUT', '/api/v1/apps/hr', { id: 'hr', name: 'pwned' }],
      ['DELETE', '/api/v1/apps/hr'],
      ['POST', '/api/v1/apps/hr/forms', { id: 'newForm', name: 'x', fields: [] }],
      ['GET', '/api/v1/forms/staff/draft'],
      ['PUT', '/api/v1/forms/staff/draft', { ...staff, name: 'pwned' }],
      ['GET', '/api/v1/forms/staff/diff'],
      ['POST', '/api/v1/forms/staff/publish'],
      ['GET', '/api/v1/forms/staff/versions'],
      ['GET', '/api/v1/forms/staff/versions/1'],
      ['DELETE', '/api/v1/forms/staff'],
      ['POST', '/api/v1/forms/staff/fields/salary/delete'],
      ['POST', '/api/v1/forms/staff/fields/salary/restore'],
      ['POST', '/api/v1/forms/staff/fields/remark/type-change', { field, strategy: 'dryRun' }],
    ];
    for (const session of [alice, nobody]) {
      for (const [method, path, body] of calls) {
        const response = await session.request(method, path, body);
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(leaksSecret(response), `${method} ${path}`).toEqual([]);
      }
    }
    const after = JSON.stringify([
      server.ctx.apps.getApp(owner.workspaceId, 'hr'),
      server.ctx.forms.getDraft(owner.workspaceId, 'staff'),
      server.ctx.forms.listVersions(owner.workspaceId, 'staff'),
      server.ctx.apps.listApps(owner.workspaceId),
    ]);
    expect(after).toBe(before);
  });

  it('an anonymous caller gets 401 everywhere', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/apps'],
      ['GET', '/api/v1/apps/hr'],
      ['GET', '/api/v1/forms/staff'],
      ['GET', '/api/v1/forms/staff/draft'],
      ['POST', '/api/v1/forms/staff/publish'],
    ] as const) {
      expect((await server.anonymous.request(method, path)).status, path).toBe(401);
    }
  });

  it('sees a permission change on the very next request', async () => {
    const app = server.ctx.apps.getApp(owner.workspaceId, 'hr');
    if (!app) throw new Error('app');
    const groups = (app.definition.permissionGroups ?? []).map((g) =>
      g.id === 'staffGroup' ? { ...g, fields: { salary: 'read' as const, level: 'hidden' as const } } : g,
    );
    const put = await owner.request('PUT', '/api/v1/apps/hr', { ...app.definition, permissionGroups: groups });
    expect(put.status).toBe(200);
    const form = await alice.request('GET', '/api/v1/forms/staff');
    expect(form.body.fields.map((f: { id: string }) => f.id)).toContain('salary');
    expect(form.text).not.toContain('SECRET-LEVEL-LABEL');
    const restored = await owner.request('PUT', '/api/v1/apps/hr', app.definition);
    expect(restored.status).toBe(200);
    expect((await alice.request('GET', '/api/v1/forms/staff')).text).not.toContain('薪资');
  });
});

describe('tenant isolation', () => {
  it('every app and form id of another workspace is 404, with no side effects', async () => {
    const other = await server.addWorkspace('Globex');
    server.installApp(other, { id: 'globexApp', name: 'Globex', forms: [{ ...secretForm, id: 'globexForm' }] });
    const before = JSON.stringify([
      server.ctx.apps.getApp(other.workspaceId, 'globexApp'),
      server.ctx.forms.getDraft(other.workspaceId, 'globexForm'),
      server.ctx.forms.listVersions(other.workspaceId, 'globexForm'),
    ]);
    const field = { id: 'amount', type: 'text', label: 'x' };
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/v1/apps/globexApp'],
      ['PUT', '/api/v1/apps/globexApp', { id: 'globexApp', name: 'pwned' }],
      ['DELETE', '/api/v1/apps/globexApp'],
      ['POST', '/api/v1/apps/globexApp/forms', { id: 'planted', name: 'x', fields: [] }],
      ['GET', '/api/v1/forms/globexForm'],
      ['GET', '/api/v1/forms/globexForm/draft'],
      ['PUT', '/api/v1/forms/globexForm/draft', { ...secretForm, id: 'globexForm', name: 'pwned' }],
      ['GET', '/api/v1/forms/globexForm/diff'],
      ['POST', '/api/v1/forms/globexForm/publish'],
      ['GET', '/api/v1/forms/globexForm/versions'],
      ['GET', '/api/v1/forms/globexForm/versions/1'],
      ['DELETE', '/api/v1/forms/globexForm'],
      ['POST', '/api/v1/forms/globexForm/fields/amount/delete'],
      ['POST', '/api/v1/forms/globexForm/fields/amount/restore'],
      ['POST', '/api/v1/forms/globexForm/fields/amount/type-change', { field, strategy: 'keepOriginal' }],
    ];
    for (const [method, path, body] of calls) {
      const response = await owner.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    expect((await owner.request('GET', '/api/v1/apps')).text).not.toContain('globex');
    const after = JSON.stringify([
      server.ctx.apps.getApp(other.workspaceId, 'globexApp'),
      server.ctx.forms.getDraft(other.workspaceId, 'globexForm'),
      server.ctx.forms.listVersions(other.workspaceId, 'globexForm'),
    ]);
    expect(after).toBe(before);
    expect(server.ctx.forms.getDraft(owner.workspaceId, 'planted')).toBeUndefined();
  });

  it('two workspaces may hold the same app and form ids; changing one leaves the other alone', async () => {
    const other = await server.addWorkspace('Initech');
    server.installApp(other, { id: 'hr', name: 'Initech HR', forms: [{ ...secretForm, id: 'staff' }] });
    const put = await other.request('PUT', '/api/v1/forms/staff/draft', { ...secretForm, id: 'staff', name: 'Theirs' });
    expect(put.status).toBe(200);
    expect((await other.request('POST', '/api/v1/forms/staff/publish')).body.version).toBe(2);
    expect((await other.request('DELETE', '/api/v1/apps/hr')).status).toBe(204);
    const mine = await owner.request('GET', '/api/v1/forms/staff');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: staff.name, version: 1 });
    expect((await owner.request('GET', '/api/v1/apps/hr')).status).toBe(200);
  });
});
