import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;

const customers: FormDef = { id: 'customers', name: '客户', fields: [{ id: 'name', type: 'text', label: '名称' }] };
const orders: FormDef = {
  id: 'orders',
  name: '订单',
  fields: [
    { id: 'title', type: 'text', label: '标题' },
    { id: 'customer', type: 'relation', label: '客户', settings: { formId: 'customers' } },
  ],
};

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  server.installApp(owner, {
    id: 'sales',
    name: 'Sales',
    forms: [customers, orders],
    permissionGroups: [
      { id: 'g1', formId: 'orders', name: 'All', principals: [{ kind: 'everyone' }], actions: ['submit'] },
      { id: 'g2', formId: 'customers', name: 'All', principals: [{ kind: 'everyone' }], actions: ['view'] },
    ],
  });
});
afterAll(async () => server.close());

const appRow = () => server.ctx.apps.getApp(owner.workspaceId, 'sales');

describe('DELETE /forms/:formId', () => {
  it('refuses while another form links to it (409 FORM_IN_USE), writing nothing', async () => {
    const before = JSON.stringify([appRow(), server.ctx.forms.getDraft(owner.workspaceId, 'customers')]);
    const response = await owner.request('DELETE', '/api/v1/forms/customers');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('FORM_IN_USE');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: 'forms.orders.fields[1]', code: 'FORM_IN_USE' }),
    ]);
    expect(JSON.stringify([appRow(), server.ctx.forms.getDraft(owner.workspaceId, 'customers')])).toBe(before);
  });

  it('deletes a form with its own permission groups, then the one it linked to', async () => {
    const member = await server.addMember();
    expect((await member.request('GET', '/api/v1/forms/orders')).status).toBe(200);
    expect((await owner.request('DELETE', '/api/v1/forms/orders')).status).toBe(204);
    expect(appRow()?.definition.permissionGroups?.map((g) => g.id)).toEqual(['g2']);
    expect((await member.request('GET', '/api/v1/forms/orders')).status).toBe(404);
    expect((await owner.request('DELETE', '/api/v1/forms/orders')).status).toBe(404);
    // The id stays taken: a new form cannot reuse it.
    const reuse = await owner.request('POST', '/api/v1/apps/sales/forms', { ...orders, fields: [orders.fields[0]] });
    expect(reuse.status).toBe(422);
    expect((await owner.request('DELETE', '/api/v1/forms/customers')).status).toBe(204);
    expect((await owner.request('GET', '/api/v1/apps/sales')).body).toMatchObject({ forms: [], permissionGroups: [] });
  });

  it('an admin may delete, a member without manage may not', async () => {
    server.installApp(owner, { id: 'misc', name: 'Misc', forms: [{ ...customers, id: 'notes' }] });
    const member = await server.addMember();
    expect((await member.request('DELETE', '/api/v1/forms/notes')).status).toBe(403);
    const admin = await server.addMember({ role: 'admin' });
    expect((await admin.request('DELETE', '/api/v1/forms/notes')).status).toBe(204);
  });
});
