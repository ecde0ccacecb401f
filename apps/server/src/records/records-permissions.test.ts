import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiResponse, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { createDeal, recordsFingerprint, setupCrm, type CrmSetup } from './records-test-app.js';

let server: ApiTestServer;
let crm: CrmSetup;
/** Distinctive hidden values: no response to a sales member may contain them. */
const SECRET_COST = 987654321;
const SECRET_NOTE = 'TOPSECRET-内部-xyz';
let mine: { id: string };
let theirs: { id: string };
let bobs: { id: string };
let commentId: string;

beforeAll(async () => {
  server = await startApiServer();
  crm = await setupCrm(server);
  const secrets = { cost: SECRET_COST, secretNote: SECRET_NOTE, score: 7 };
  mine = await createDeal(server.owner, {
    name: 'alice deal',
    owner: crm.alice.memberId,
    stage: 'won',
    amount: 10,
    ...secrets,
  });
  theirs = await createDeal(server.owner, {
    name: 'owner deal',
    owner: server.owner.memberId,
    stage: 'won',
    amount: 99,
    ...secrets,
  });
  bobs = await createDeal(server.owner, {
    name: 'bob deal',
    owner: crm.bob.memberId,
    stage: 'lead',
    amount: 5,
    ...secrets,
  });
  await server.owner.request(
    'PATCH',
    `/api/v1/records/${mine.id}`,
    { data: { cost: SECRET_COST + 1 } },
    { 'if-match': '"1"' },
  );
  const comment = await server.owner.request('POST', `/api/v1/records/${mine.id}/comments`, { body: 'hi' });
  commentId = comment.body.id as string;
});
afterAll(async () => server.close());

/** Every record route, as `session` would call it on `recordId` (of form deals). */
function everyRoute(session: TestSession, recordId: string): Promise<ApiResponse>[] {
  const m = { 'if-match': '"2"' };
  return [
    session.request('POST', '/api/v1/forms/deals/records', { data: { name: 'x' } }),
    session.request('GET', '/api/v1/forms/deals/records'),
    session.request('POST', '/api/v1/forms/deals/records/query', {}),
    session.request('POST', '/api/v1/forms/deals/records/batch', { create: [{ data: { name: 'x' } }] }),
    session.request('POST', '/api/v1/forms/deals/records/batch', { update: [{ id: recordId, version: 2, data: {} }] }),
    session.request('POST', '/api/v1/forms/deals/aggregate', { groupBy: [], measures: [{ agg: 'count' }] }),
    session.request('GET', '/api/v1/forms/deals/recycle-bin'),
    session.request('GET', `/api/v1/records/${recordId}`),
    session.request('PATCH', `/api/v1/records/${recordId}`, { data: { amount: 1 } }, m),
    session.request('DELETE', `/api/v1/records/${recordId}`, undefined, m),
    session.request('POST', `/api/v1/records/${recordId}/restore`),
    session.request('GET', `/api/v1/records/${recordId}/history`),
    session.request('POST', `/api/v1/records/${recordId}/history/restore`, { fieldId: 'amount', fromVersion: 1 }, m),
    session.request('GET', `/api/v1/records/${recordId}/comments`),
    session.request('POST', `/api/v1/records/${recordId}/comments`, { body: 'x' }),
    session.request('DELETE', `/api/v1/comments/${commentId}`),
  ];
}

const leaks = (res: ApiResponse) =>
  res.text.includes(String(SECRET_COST)) ||
  res.text.includes(String(SECRET_COST + 1)) ||
  res.text.includes('TOPSECRET');

describe('permission sweep', () => {
  it('a member in no group gets 403 on every record route, and nothing is written', async () => {
    const fingerprint = recordsFingerprint(server);
    const results = await Promise.all(everyRoute(crm.nobody, mine.id));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 403));
    for (const r of results) expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(recordsFingerprint(server)).toBe(fingerprint);
    // Signed out: 401 everywhere.
    const anonymous = await Promise.all(everyRoute(server.anonymous, mine.id));
    expect(anonymous.map((r) => r.status)).toEqual(anonymous.map(() => 401));
  });

  it('the hidden fields never appear: get, list, query, create/patch/batch answers, history, aggregate, 412', async () => {
    const s = crm.alice;
    const responses: ApiResponse[] = [
      await s.request('GET', `/api/v1/records/${mine.id}`),
      await s.request('GET', '/api/v1/forms/deals/records?limit=500'),
      await s.request('POST', '/api/v1/forms/deals/records/query', { limit: 500 }),
      await s.request('GET', `/api/v1/records/${mine.id}/history`),
      await s.request('POST', '/api/v1/forms/deals/aggregate', {
        groupBy: [{ field: 'stage' }],
        measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
      }),
      await s.request('PATCH', `/api/v1/records/${mine.id}`, { data: { amount: 11 } }, { 'if-match': '"2"' }),
      await s.request('PATCH', `/api/v1/records/${mine.id}`, { data: { amount: 12 } }, { 'if-match': '"2"' }),
      await s.request('POST', '/api/v1/forms/deals/records/batch', {
        update: [{ id: mine.id, version: 3, data: { note: 'via batch' } }],
      }),
      await s.request('POST', '/api/v1/forms/deals/records/batch', {
        update: [{ id: mine.id, version: 1, data: { note: 'stale' } }],
      }),
      await s.request('POST', '/api/v1/forms/deals/records', { data: { name: 'new', owner: s.memberId } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 412, 200, 412, 201]);
    for (const r of responses) {
      expect(leaks(r), r.text).toBe(false);
      expect(r.text).not.toContain('"cost"');
      expect(r.text).not.toContain('"secretNote"');
    }
    // The read-only score is visible; the 412 carries the current readable values.
    expect((responses[0]!.body as { data: Record<string, unknown> }).data.score).toBe(7);
    expect((responses[6]!.body as { current: { data: unknown } }).current.data).toMatchObject({ amount: 11, score: 7 });
    // Bob (by department) is in the same group: he sees his row only, without the hidden fields either.
    const bob = await crm.bob.request('POST', '/api/v1/forms/deals/records/query', {});
    expect(bob.body.records.map((r: { id: string }) => r.id)).toEqual([bobs.id]);
    expect(leaks(bob)).toBe(false);
  });

  it('filtering, sorting, grouping, projecting or q-searching by a hidden field is refused or reveals nothing', async () => {
    const s = crm.alice;
    const refused: [string, string, unknown][] = [
      ['POST', '/api/v1/forms/deals/records/query', { filter: { field: 'cost', op: 'gt', value: 1000 } }],
      [
        'POST',
        '/api/v1/forms/deals/records/query',
        {
          filter: {
            or: [
              { field: 'name', op: 'isNotEmpty' },
              { field: 'secretNote', op: 'contains', value: 'TOP' },
            ],
          },
        },
      ],
      ['POST', '/api/v1/forms/deals/records/query', { sort: [{ field: 'cost', direction: 'desc' }] }],
      ['POST', '/api/v1/forms/deals/records/query', { fields: ['cost'] }],
      ['GET', '/api/v1/forms/deals/records?sort=cost:desc', undefined],
      ['POST', '/api/v1/forms/deals/aggregate', { groupBy: [{ field: 'cost' }], measures: [{ agg: 'count' }] }],
      ['POST', '/api/v1/forms/deals/aggregate', { groupBy: [], measures: [{ agg: 'max', field: 'cost' }] }],
      [
        'POST',
        '/api/v1/forms/deals/aggregate',
        { filter: { field: 'cost', op: 'eq', value: SECRET_COST }, groupBy: [], measures: [{ agg: 'count' }] },
      ],
    ];
    for (const [method, path, body] of refused) {
      const res = await s.request(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.code).toBe('FIELD_NOT_READABLE');
      expect(leaks(res)).toBe(false);
    }
    // q searches only readable fields: the owner finds the secret note, Alice finds nothing.
    const ownerHits = await server.owner.request('GET', '/api/v1/forms/deals/records?q=TOPSECRET');
    expect(ownerHits.body.records.length).toBe(3);
    const aliceHits = await s.request('GET', '/api/v1/forms/deals/records?q=TOPSECRET');
    expect(aliceHits.status).toBe(200);
    expect(aliceHits.body.records).toEqual([]);
  });

  it('writing a hidden or read-only field is refused per field (403), never dropped; the value is unchanged', async () => {
    const fingerprint = recordsFingerprint(server);
    const current = (await crm.alice.request('GET', `/api/v1/records/${mine.id}`)).body.version as number;
    const tag = { 'if-match': `"${String(current)}"` };
    const attempts: [string, string, unknown, Record<string, string>?][] = [
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'x', owner: crm.alice.memberId, cost: 1 } }],
      ['POST', '/api/v1/forms/deals/records', { data: { name: 'x', score: 1 } }],
      ['PATCH', `/api/v1/records/${mine.id}`, { data: { cost: 1 } }, tag],
      ['PATCH', `/api/v1/records/${mine.id}`, { data: { score: 1, secretNote: 'x', amount: 3 } }, tag],
      [
        'POST',
        '/api/v1/forms/deals/records/batch',
        { update: [{ id: mine.id, version: current, data: { score: 1 } }] },
      ],
    ];
    for (const [method, path, body, headers] of attempts) {
      const res = await crm.alice.request(method, path, body, headers);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('FIELD_NOT_WRITABLE');
      expect(res.body.errors.every((e: { code: string }) => e.code === 'FIELD_NOT_WRITABLE')).toBe(true);
    }
    const patch = await crm.alice.request(
      'PATCH',
      `/api/v1/records/${mine.id}`,
      { data: { score: 1, secretNote: 'x', amount: 3 } },
      tag,
    );
    expect(patch.body.errors.map((e: { path: string }) => e.path)).toEqual(['data.score', 'data.secretNote']);
    expect(recordsFingerprint(server)).toBe(fingerprint);
    const stored = server.store.records.getRecord(server.owner.workspaceId, mine.id)!;
    expect(stored.data).toMatchObject({ cost: SECRET_COST + 1, secretNote: SECRET_NOTE, score: 7 });
  });

  it('rows outside the row filter answer 404 and never appear in lists or aggregates', async () => {
    const fingerprint = recordsFingerprint(server);
    const s = crm.alice;
    const tag = { 'if-match': '"1"' };
    const outside = [
      await s.request('GET', `/api/v1/records/${theirs.id}`),
      await s.request('PATCH', `/api/v1/records/${theirs.id}`, { data: { amount: 1 } }, tag),
      await s.request('GET', `/api/v1/records/${theirs.id}/history`),
      await s.request(
        'POST',
        `/api/v1/records/${theirs.id}/history/restore`,
        { fieldId: 'amount', fromVersion: 1 },
        tag,
      ),
      await s.request('GET', `/api/v1/records/${theirs.id}/comments`),
      await s.request('POST', `/api/v1/records/${theirs.id}/comments`, { body: 'x' }),
    ];
    expect(outside.map((r) => r.status)).toEqual(outside.map(() => 404));
    expect(outside.every((r) => r.body.code === 'NOT_FOUND')).toBe(true);
    const list = await s.request('POST', '/api/v1/forms/deals/records/query', { limit: 500 });
    const ids = list.body.records.map((r: { id: string }) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(bobs.id);
    const aggregate = await s.request('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [{ field: 'stage' }],
      measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
    });
    const total = aggregate.body.rows.reduce((n: number, r: { values: number[] }) => n + r.values[0]!, 0);
    expect(total).toBe(ids.length);
    // A filter that would match only the other rows finds nothing.
    const probe = await s.request('POST', '/api/v1/forms/deals/records/query', {
      filter: { field: 'amount', op: 'eq', value: 99 },
    });
    expect(probe.body.records).toEqual([]);
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });
});

describe('revocation (H7) with the cached viewer', () => {
  it('taking a role away denies the very next request, by session and by API key; giving it back allows again', async () => {
    const key = server.ctx.auth.createApiKey({
      workspaceId: crm.alice.workspaceId,
      memberId: crm.alice.memberId,
      name: 'k',
    });
    if (!key) throw new Error('api key');
    const byKey = (body: unknown) =>
      fetch(`${server.base}/api/v1/forms/deals/records`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const deal = { data: { name: 'h7', owner: crm.alice.memberId, stage: 'lead' } };
    expect((await crm.alice.request('POST', '/api/v1/forms/deals/records', deal)).status).toBe(201);
    expect((await byKey(deal)).status).toBe(201);
    const before = recordsFingerprint(server);

    const removed = await server.owner.request('PATCH', `/api/v1/members/${crm.alice.memberId}`, { roleIds: [] });
    expect(removed.status).toBe(200);
    expect((await crm.alice.request('POST', '/api/v1/forms/deals/records', deal)).status).toBe(403);
    expect((await byKey(deal)).status).toBe(403);
    expect((await crm.alice.request('GET', '/api/v1/forms/deals/records')).status).toBe(403);
    expect(recordsFingerprint(server)).toBe(before);

    const back = await server.owner.request('PATCH', `/api/v1/members/${crm.alice.memberId}`, {
      roleIds: [crm.roleId],
    });
    expect(back.status).toBe(200);
    expect((await byKey(deal)).status).toBe(201);
  });
});
