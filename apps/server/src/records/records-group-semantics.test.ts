import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { createDeal, recordsFingerprint, setupCrm, type CrmSetup } from './records-test-app.js';

/**
 * Review findings on how permission groups combine, over real HTTP:
 * #2 a field hidden by one group never shows through another group's rows; #3 submit never grants edit;
 * #6 creates stay inside the submit row filter; #7 a row filter naming a deleted field fails closed (403, not 500).
 */
let server: ApiTestServer;
let crm: CrmSetup;

/** 跟进: links a deal and looks up its amount (hidden from Sales on deals). */
const followups: FormDef = {
  id: 'followups',
  name: 'Follow-ups',
  fields: [
    { id: 'note', type: 'text', label: 'Note' },
    { id: 'deal', type: 'relation', label: 'Deal', settings: { formId: 'deals', multiple: false } },
    { id: 'dealAmount', type: 'lookup', label: 'Deal amount', settings: { relationField: 'deal', field: 'amount' } },
    { id: 'dealName', type: 'lookup', label: 'Deal name', settings: { relationField: 'deal', field: 'name' } },
  ],
};

beforeAll(async () => {
  server = await startApiServer();
  crm = await setupCrm(server, [followups]);
  // A second group for the Sales role: view every row, but `amount` hidden and `stage` read-only.
  const ws = server.owner.workspaceId;
  const app = server.ctx.apps.getApp(ws, crm.appId)!;
  const sales = app.definition.permissionGroups![0]!;
  const updated = server.ctx.apps.updateApp({
    workspaceId: ws,
    appId: crm.appId,
    actor: null,
    definition: {
      ...app.definition,
      permissionGroups: [
        { ...sales, actions: ['submit', 'view'] },
        {
          id: 'allRows',
          formId: 'deals',
          name: 'All rows',
          principals: sales.principals,
          actions: ['view', 'edit'],
          fields: { amount: 'hidden', stage: 'read', cost: 'hidden', secretNote: 'hidden', score: 'read' },
        },
        {
          id: 'followupsAll',
          formId: 'followups',
          name: 'Follow-ups',
          principals: sales.principals,
          actions: ['submit', 'view', 'edit'],
        },
      ],
    },
  });
  if (!updated.ok) throw new Error(JSON.stringify(updated));
});
afterAll(async () => {
  await server.close();
});

describe('permission groups combine without leaking', () => {
  it('#2: a field hidden by the all-rows group stays hidden, also on rows the own-rows group reaches', async () => {
    const own = await createDeal(crm.alice, { name: 'mine', owner: crm.alice.memberId, amount: 4242 });
    expect(own.data).not.toHaveProperty('amount');
    const read = await crm.alice.request('GET', `/api/v1/records/${own.id}`);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain('4242');
    const sum = await crm.alice.request('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [],
      measures: [{ agg: 'sum', field: 'amount' }],
    });
    expect(sum.status).toBe(400);
    expect(sum.text).toContain('FIELD_NOT_READABLE');
  });

  it('#3: a field writable only by the submit group cannot be changed by an edit', async () => {
    const own = await createDeal(crm.alice, { name: 'staged', owner: crm.alice.memberId, stage: 'lead' });
    const before = recordsFingerprint(server);
    const patch = await crm.alice.request(
      'PATCH',
      `/api/v1/records/${own.id}`,
      { data: { stage: 'won' } },
      { 'if-match': `"${String(own.version)}"` },
    );
    expect(patch.status).toBe(403);
    expect(patch.text).toContain('FIELD_NOT_WRITABLE');
    expect(recordsFingerprint(server)).toBe(before);
  });

  it("#6: a create outside the submit row filter is refused (no planting rows in another member's list)", async () => {
    const before = recordsFingerprint(server);
    const planted = await crm.alice.request('POST', '/api/v1/forms/deals/records', {
      data: { name: 'for bob', owner: crm.bob.memberId },
    });
    expect(planted.status).toBe(403);
    expect((planted.body as { code: string }).code).toBe('ROW_NOT_ALLOWED');
    expect(recordsFingerprint(server)).toBe(before);
  });
});

describe('#4: lookups never show a field hidden in the linked form', () => {
  it('drops the lookup of a hidden field from every answer, keeps the lookup of a readable one', async () => {
    const deal = await createDeal(crm.alice, { name: 'Lookup me', owner: crm.alice.memberId, amount: 777777 });
    const created = await crm.alice.request('POST', '/api/v1/forms/followups/records', {
      data: { note: 'call', deal: deal.id },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain('777777');
    expect((created.body as { data: Record<string, unknown> }).data['dealName']).toBe('Lookup me');
    const list = await crm.alice.request('GET', '/api/v1/forms/followups/records');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('777777');
    // The owner sees the looked-up amount: the value is stored, only hidden from Sales.
    const asOwner = await server.owner.request('GET', `/api/v1/records/${(created.body as { id: string }).id}`);
    expect(asOwner.text).toContain('777777');
  });
});

describe('#7: a row filter naming a deleted field fails closed', () => {
  it('withdraws the limited action with a 403 instead of answering 500 or opening every row', async () => {
    const own = await createDeal(crm.alice, { name: 'before delete', owner: crm.alice.memberId });
    expect((await server.owner.request('POST', '/api/v1/forms/deals/fields/owner/delete')).status).toBe(200);
    expect((await server.owner.request('POST', '/api/v1/forms/deals/publish')).status).toBeLessThan(300);
    // The own-rows group (submit, view) is limited by `owner`: submit is withdrawn; view still comes from allRows.
    const create = await crm.alice.request('POST', '/api/v1/forms/deals/records', { data: { name: 'x' } });
    expect(create.status).toBe(403);
    const read = await crm.alice.request('GET', `/api/v1/records/${own.id}`);
    expect(read.status).toBe(200);
    const list = await crm.alice.request('GET', '/api/v1/forms/deals/records?limit=5');
    expect(list.status).toBe(200);
  });
});
