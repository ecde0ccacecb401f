import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '@formflow/store';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { relationTestForms } from './relation-test-app.js';

type View = { id: string; version: number; data: Record<string, JsonValue> };

let server: ApiTestServer;
let owner: TestSession;

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  server.installApp(owner, { id: 'crm', name: 'CRM', forms: relationTestForms });
});
afterAll(async () => {
  await server.close();
});

async function create(formId: string, data: Record<string, unknown>, as: TestSession = owner): Promise<View> {
  const response = await as.request<View>('POST', `/api/v1/forms/${formId}/records`, { data });
  expect(response.status, response.text).toBe(201);
  return response.body;
}
async function get(id: string): Promise<View> {
  const response = await owner.request<View>('GET', `/api/v1/records/${id}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}
async function patch(id: string, data: Record<string, unknown>): Promise<View> {
  const current = await get(id);
  const response = await owner.request<View>(
    'PATCH',
    `/api/v1/records/${id}`,
    { data },
    {
      'if-match': `"${String(current.version)}"`,
    },
  );
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe('lookups follow the linked record', () => {
  it('fills a lookup on create and rewrites it when the customer changes, with history by the same actor', async () => {
    const customer = await create('customers', { name: '华东贸易', phone: '13800138000' });
    const contract = await create('contracts', { title: 'A-1', customer: customer.id, amount: 100 });
    expect(contract.data['customerPhone']).toBe('13800138000');
    const invoice = await create('invoices', { contract: contract.id });
    expect(invoice.data['phone']).toBe('13800138000');

    await patch(customer.id, { phone: '13900139000' });
    const after = await get(contract.id);
    expect(after.data['customerPhone']).toBe('13900139000');
    expect(after.version).toBe(contract.version + 1);
    // Two levels: invoice → contract.customerPhone → customer.phone.
    expect((await get(invoice.id)).data['phone']).toBe('13900139000');

    const history = server.ctx.store.records.listHistory(owner.workspaceId, contract.id);
    expect(history.at(-1)).toMatchObject({
      action: 'update',
      actor: owner.memberId,
      changes: { customerPhone: { before: '13800138000', after: '13900139000' } },
    });
  });

  it('writes nothing to linked records when the change alters no derived value', async () => {
    const customer = await create('customers', { name: '老客户', phone: '13700137000' });
    const contract = await create('contracts', { customer: customer.id, amount: 5 });
    await patch(customer.id, { name: '老客户（改名）' });
    const after = await get(contract.id);
    expect(after.version).toBe(contract.version);
    expect(server.ctx.store.records.listHistory(owner.workspaceId, contract.id)).toHaveLength(1);
  });

  it('never shows a record of another workspace through a lookup', async () => {
    const other = await server.addWorkspace('别家公司');
    server.installApp(other, { id: 'crm', name: 'CRM', forms: relationTestForms });
    const foreign = await create('customers', { name: '别家客户', phone: '13600136000' }, other);
    const response = await owner.request<View>('POST', '/api/v1/forms/contracts/records', {
      data: { customer: foreign.id, amount: 1 },
    });
    // Refused (422) once the records pipeline checks relation targets; never a leaked phone either way.
    if (response.status === 201) expect(response.body.data['customerPhone'] ?? null).toBeNull();
    else expect(response.status).toBe(422);
    expect(response.text).not.toContain('13600136000');
  });
});

describe('rollups over a relation', () => {
  it('drop when a linked contract is deleted, come back on restore, and follow its amount', async () => {
    const k1 = await create('contracts', { title: 'K1', amount: 100, status: 'signed' });
    const k2 = await create('contracts', { title: 'K2', amount: 250.5, status: 'draft' });
    const customer = await create('customers', { name: '南方电子', contracts: [k1.id, k2.id] });
    expect(customer.data).toMatchObject({ contractTotal: 350.5, contractCount: 2, signedTotal: 100 });

    await patch(k2.id, { amount: 300, status: 'signed' });
    expect((await get(customer.id)).data).toMatchObject({ contractTotal: 400, contractCount: 2, signedTotal: 400 });

    const deleted = await owner.request('DELETE', `/api/v1/records/${k2.id}`);
    expect(deleted.status, deleted.text).toBe(204);
    expect((await get(customer.id)).data).toMatchObject({ contractTotal: 100, contractCount: 1, signedTotal: 100 });

    const restored = await owner.request('POST', `/api/v1/records/${k2.id}/restore`);
    expect(restored.status, restored.text).toBe(200);
    expect((await get(customer.id)).data).toMatchObject({ contractTotal: 400, contractCount: 2, signedTotal: 400 });
  });

  it('refreshes a restored record whose linked record changed while it was in the recycle bin', async () => {
    const customer = await create('customers', { name: '回收站客户', phone: '13500135000' });
    const contract = await create('contracts', { customer: customer.id, amount: 1 });
    expect((await owner.request('DELETE', `/api/v1/records/${contract.id}`)).status).toBe(204);
    await patch(customer.id, { phone: '13400134000' });
    expect((await owner.request('POST', `/api/v1/records/${contract.id}/restore`)).status).toBe(200);
    expect((await get(contract.id)).data['customerPhone']).toBe('13400134000');
  });
});

describe('sub-table rows and same-form chains', () => {
  it('re-derives row lookups, the row formulas and the sub-table rollup when a product price changes', async () => {
    const pen = await create('products', { name: '钢笔', price: 12.5 });
    const ink = await create('products', { name: '墨水', price: 3 });
    const order = await create('orders', {
      lines: [
        { product: pen.id, qty: 2 },
        { product: ink.id, qty: 10 },
      ],
    });
    expect(order.data['total']).toBe(55);
    await patch(pen.id, { price: 15 });
    const after = await get(order.id);
    expect(after.data['total']).toBe(60);
    const lines = after.data['lines'] as Record<string, JsonValue>[];
    expect(lines.map((l) => [l['price'], l['amount']])).toEqual([
      [15, 30],
      [3, 30],
    ]);
  });

  it('walks a chain of records of the same form, formulas included', async () => {
    const root = await create('nodes', { name: 'root' });
    const child = await create('nodes', { name: 'child', parent: root.id });
    const grandchild = await create('nodes', { name: 'grandchild', parent: child.id });
    expect(grandchild.data).toMatchObject({ label: 'root', depth: 3 });
    await patch(root.id, { name: '根' });
    expect((await get(child.id)).data).toMatchObject({ up: '根', label: '根' });
    expect((await get(grandchild.id)).data).toMatchObject({ up: '根', label: '根', depth: 3 });
  });
});
