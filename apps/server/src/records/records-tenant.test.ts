import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiResponse, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { createDeal, dealsForm, recordsFingerprint } from './records-test-app.js';

let server: ApiTestServer;
let other: TestSession;
let ours: { id: string };
let theirs: { id: string };
let ourComment: string;

beforeAll(async () => {
  server = await startApiServer();
  // Both tenants install the same app: the form id `deals` exists in each workspace.
  server.installApp(server.owner, { id: 'crm', name: 'CRM', forms: [dealsForm] });
  other = await server.addWorkspace('Other tenant');
  ours = await createDeal(server.owner, { name: 'ours', amount: 1, email: 'shared@example.com' });
  ourComment = (await server.owner.request('POST', `/api/v1/records/${ours.id}/comments`, { body: 'ours' })).body
    .id as string;
});
afterAll(async () => server.close());

function recordRoutes(session: TestSession, recordId: string, commentId: string): Promise<ApiResponse>[] {
  const m = { 'if-match': '"1"' };
  return [
    session.request('GET', `/api/v1/records/${recordId}`),
    session.request('PATCH', `/api/v1/records/${recordId}`, { data: { amount: 2 } }, m),
    session.request('DELETE', `/api/v1/records/${recordId}`, undefined, m),
    session.request('POST', `/api/v1/records/${recordId}/restore`),
    session.request('GET', `/api/v1/records/${recordId}/history`),
    session.request('POST', `/api/v1/records/${recordId}/history/restore`, { fieldId: 'amount', fromVersion: 1 }, m),
    session.request('GET', `/api/v1/records/${recordId}/comments`),
    session.request('POST', `/api/v1/records/${recordId}/comments`, { body: 'x' }),
    session.request('DELETE', `/api/v1/comments/${commentId}`),
  ];
}

describe('tenant isolation (H4)', () => {
  it('a record or comment id of another workspace answers 404 on every route, with no side effect', async () => {
    const fingerprint = recordsFingerprint(server);
    const results = await Promise.all(recordRoutes(other, ours.id, ourComment));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 404));
    for (const r of results) expect((r.body as { code: string }).code).toBe('NOT_FOUND');
    expect(recordsFingerprint(server)).toBe(fingerprint);
    // Exactly like an id that does not exist at all.
    const missing = await other.request('GET', '/api/v1/records/0190aaaa-0000-7000-8000-000000000000');
    expect(missing.body).toEqual(results[0]!.body);
  });

  it('a form id that is not live in the caller workspace answers 404 on every form route', async () => {
    const fingerprint = recordsFingerprint(server);
    const routes = [
      other.request('POST', '/api/v1/forms/deals/records', { data: { name: 'x' } }),
      other.request('GET', '/api/v1/forms/deals/records'),
      other.request('POST', '/api/v1/forms/deals/records/query', {}),
      other.request('POST', '/api/v1/forms/deals/records/batch', { create: [{ data: { name: 'x' } }] }),
      other.request('POST', '/api/v1/forms/deals/aggregate', { groupBy: [], measures: [{ agg: 'count' }] }),
      other.request('GET', '/api/v1/forms/deals/recycle-bin'),
    ];
    const results = await Promise.all(routes);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 404));
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('the same form id in two workspaces keeps records, uniqueness and batches apart', async () => {
    server.installApp(other, { id: 'crm', name: 'CRM', forms: [dealsForm] });
    theirs = await createDeal(other, { name: 'theirs', amount: 5, email: 'shared@example.com' });
    expect(theirs.id).not.toBe(ours.id);
    const mine = await server.owner.request('POST', '/api/v1/forms/deals/records/query', {});
    expect(mine.body.records.map((r: { id: string }) => r.id)).toEqual([ours.id]);
    const yours = await other.request('POST', '/api/v1/forms/deals/records/query', {});
    expect(yours.body.records.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
    const count = await other.request('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [],
      measures: [{ agg: 'count' }],
    });
    expect(count.body.rows).toEqual([{ keys: [], values: [1] }]);
    // A batch update naming a record of the other tenant: 404 at its path, nothing written.
    const fingerprint = recordsFingerprint(server);
    const batch = await other.request('POST', '/api/v1/forms/deals/records/batch', {
      create: [{ data: { name: 'sneaky' } }],
      update: [{ id: ours.id, version: 1, data: { amount: 666 } }],
    });
    expect(batch.status).toBe(404);
    expect(batch.body.errors[0].path).toBe('update[0].id');
    expect(recordsFingerprint(server)).toBe(fingerprint);
    // Our ids still answer 404 over there now that the form exists in both.
    const results = await Promise.all(recordRoutes(other, ours.id, ourComment));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 404));
  });
});
