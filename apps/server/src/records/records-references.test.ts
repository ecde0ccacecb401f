import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { PDF, setupClaims, upload, type ClaimsSetup } from '../files/file-test-app.js';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { createDeal, dealsForm, recordsFingerprint, setupCrm, type CrmSetup } from './records-test-app.js';

/**
 * References a record write carries are checked on the record routes too (RELIABILITY H2, H4):
 * file refs must be the writer's own uploads; relation ids must name records the writer may view, else a lookup
 * would show them values of a record they cannot open.
 */
let server: ApiTestServer;
let claims: ClaimsSetup;
let crm: CrmSetup;

/** 跟进: links a deal and looks up its amount. */
const followups: FormDef = {
  id: 'followups',
  name: { 'zh-CN': '跟进', en: 'Follow-ups' },
  fields: [
    { id: 'note', type: 'text', label: 'Note' },
    { id: 'deal', type: 'relation', label: 'Deal', settings: { formId: 'deals', multiple: false } },
    { id: 'dealAmount', type: 'lookup', label: 'Deal amount', settings: { relationField: 'deal', field: 'amount' } },
  ],
};

beforeAll(async () => {
  server = await startApiServer();
  claims = await setupClaims(server);
  crm = await setupCrm(server, [followups]);
  // Alice and Bob may file follow-ups; deals stay limited to their own rows.
  const app = server.ctx.apps.getApp(server.owner.workspaceId, crm.appId)!;
  const sales = app.definition.permissionGroups![0]!;
  const updated = server.ctx.apps.updateApp({
    workspaceId: server.owner.workspaceId,
    appId: crm.appId,
    actor: null,
    definition: {
      ...app.definition,
      permissionGroups: [
        ...app.definition.permissionGroups!,
        { ...sales, id: 'salesFollowups', formId: 'followups', fields: {}, rowFilter: undefined },
      ].map((g) => Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined))) as never,
    },
  });
  if (!updated.ok) throw new Error(JSON.stringify(updated));
});
afterAll(async () => {
  await server.close();
});

describe('file refs on record routes', () => {
  it("refuses a record that carries another member's upload, and stores nothing", async () => {
    const uploaded = await upload(claims.bob, 'files', PDF, 'bob-contract.pdf');
    expect(uploaded.status).toBe(201);
    const before = recordsFingerprint(server);
    const stolen = await claims.alice.request('POST', '/api/v1/forms/claims/records', {
      data: { title: 'mine', files: [uploaded.body] },
    });
    expect(stolen.status).toBe(422);
    expect((stolen.body as { code: string }).code).toBe('INVALID_FILE_REF');
    expect(JSON.stringify((stolen.body as { errors: unknown[] }).errors)).toContain('data.files[0]');
    expect(recordsFingerprint(server)).toBe(before);
    // Bob can attach his own upload; the stored metadata wins over what the client claims.
    const own = await claims.bob.request<{ data: { files: { name: string; size: number }[] } }>(
      'POST',
      '/api/v1/forms/claims/records',
      { data: { title: 'his', files: [{ ...uploaded.body, name: 'renamed.exe', size: 1 }] } },
    );
    expect(own.status).toBe(201);
    expect(own.body.data.files[0]).toMatchObject({ name: 'bob-contract.pdf', size: PDF.length });
  });
});

describe('relation ids on record routes', () => {
  it('links only to records the writer may view; the lookup shows the linked value', async () => {
    const alicesDeal = await createDeal(crm.alice, { name: 'A1', amount: 100, owner: crm.alice.memberId });
    const bobsDeal = await createDeal(crm.bob, { name: 'B1', amount: 999, owner: crm.bob.memberId });
    const before = recordsFingerprint(server);
    const sneaky = await crm.alice.request('POST', '/api/v1/forms/followups/records', {
      data: { note: 'peek', deal: bobsDeal.id },
    });
    expect(sneaky.status).toBe(422);
    expect(JSON.stringify(sneaky.body)).toMatch(/links to a record that does not exist or was deleted/);
    expect(JSON.stringify(sneaky.body)).not.toContain('999');
    expect(recordsFingerprint(server)).toBe(before);

    const fine = await crm.alice.request<{ data: Record<string, unknown> }>('POST', '/api/v1/forms/followups/records', {
      data: { note: 'call', deal: alicesDeal.id },
    });
    expect(fine.status).toBe(201);
    expect(fine.body.data['dealAmount']).toBe(100);
  });

  it('refuses an id from another workspace exactly like a missing one', async () => {
    const other = await server.addWorkspace();
    server.installApp(other, { id: 'crm', name: 'CRM', forms: [dealsForm] });
    const foreign = await createDeal(other, { name: 'foreign', amount: 5 });
    const before = recordsFingerprint(server);
    for (const deal of [foreign.id, '019a0000-0000-7000-8000-000000000000']) {
      const response = await server.owner.request('POST', '/api/v1/forms/followups/records', { data: { deal } });
      expect(response.status, deal).toBe(422);
      expect(JSON.stringify(response.body)).toMatch(/links to a record that does not exist or was deleted/);
    }
    expect(recordsFingerprint(server)).toBe(before);
  });
});
