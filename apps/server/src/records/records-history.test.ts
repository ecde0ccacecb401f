import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { createDeal, recordsFingerprint, setupCrm, type CrmSetup } from './records-test-app.js';

let server: ApiTestServer;
let crm: CrmSetup;

beforeAll(async () => {
  server = await startApiServer();
  crm = await setupCrm(server);
});
afterAll(async () => server.close());

type History = {
  entries: {
    version: number;
    action: string;
    actor: string | null;
    changes: Record<string, { before: unknown; after: unknown }>;
  }[];
};

describe('history', () => {
  it('lists who changed what, and restores a field from an earlier version as a new version', async () => {
    const made = await createDeal(server.owner, { name: 'H', amount: 100, stage: 'lead' });
    await server.owner.request('PATCH', `/api/v1/records/${made.id}`, { data: { amount: 200 } }, { 'if-match': '"1"' });
    await server.owner.request(
      'PATCH',
      `/api/v1/records/${made.id}`,
      { data: { amount: 300, stage: 'won' } },
      { 'if-match': '"2"' },
    );
    const history = await server.owner.request<History>('GET', `/api/v1/records/${made.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.entries.map((e) => `${String(e.version)}:${e.action}`)).toEqual([
      '1:create',
      '2:update',
      '3:update',
    ]);
    expect(history.body.entries[1]!.changes.amount).toEqual({ before: 100, after: 200 });
    expect(history.body.entries[1]!.actor).toBe(server.owner.memberId);

    const noPrecondition = await server.owner.request('POST', `/api/v1/records/${made.id}/history/restore`, {
      fieldId: 'amount',
      fromVersion: 1,
    });
    expect(noPrecondition.status).toBe(428);
    const stale = await server.owner.request(
      'POST',
      `/api/v1/records/${made.id}/history/restore`,
      { fieldId: 'amount', fromVersion: 1 },
      { 'if-match': '"2"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current.version).toBe(3);
    const restored = await server.owner.request(
      'POST',
      `/api/v1/records/${made.id}/history/restore`,
      { fieldId: 'amount', fromVersion: 1 },
      { 'if-match': '"3"' },
    );
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({ version: 4, data: { amount: 100, stage: 'won' } });
    expect(restored.headers.get('etag')).toBe('"4"');
    const after = await server.owner.request<History>('GET', `/api/v1/records/${made.id}/history`);
    expect(after.body.entries.at(-1)).toMatchObject({
      version: 4,
      action: 'update',
      changes: { amount: { before: 300, after: 100 } },
    });

    const fingerprint = recordsFingerprint(server);
    const noVersion = await server.owner.request(
      'POST',
      `/api/v1/records/${made.id}/history/restore`,
      { fieldId: 'amount', fromVersion: 99 },
      { 'if-match': '"4"' },
    );
    expect(noVersion.status).toBe(404);
    const unknown = await server.owner.request(
      'POST',
      `/api/v1/records/${made.id}/history/restore`,
      { fieldId: 'nope', fromVersion: 1 },
      { 'if-match': '"4"' },
    );
    expect(unknown.status).toBe(400);
    const system = await server.owner.request(
      'POST',
      `/api/v1/records/${made.id}/history/restore`,
      { fieldId: 'created', fromVersion: 1 },
      { 'if-match': '"4"' },
    );
    expect(system.status).toBe(422);
    expect(system.body.errors[0].code).toBe('READONLY_FIELD');
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('a member sees history without hidden fields, and cannot restore a read-only or hidden one', async () => {
    const made = await createDeal(server.owner, {
      name: 'mine',
      owner: crm.alice.memberId,
      amount: 1,
      cost: 50,
      score: 3,
    });
    await server.owner.request('PATCH', `/api/v1/records/${made.id}`, { data: { cost: 60 } }, { 'if-match': '"1"' });
    await server.owner.request(
      'PATCH',
      `/api/v1/records/${made.id}`,
      { data: { amount: 2, score: 4 } },
      { 'if-match': '"2"' },
    );
    const history = await crm.alice.request<History>('GET', `/api/v1/records/${made.id}/history`);
    expect(history.status).toBe(200);
    // The cost-only change (version 2) is left out; no entry mentions cost.
    expect(history.body.entries.map((e) => e.version)).toEqual([1, 3]);
    expect(JSON.stringify(history.body)).not.toContain('cost');
    expect(history.body.entries[0]!.changes).toHaveProperty('score');
    for (const fieldId of ['cost', 'score']) {
      const res = await crm.alice.request(
        'POST',
        `/api/v1/records/${made.id}/history/restore`,
        { fieldId, fromVersion: 1 },
        { 'if-match': '"3"' },
      );
      expect(res.status, fieldId).toBe(403);
      expect(res.body.code).toBe('FIELD_NOT_WRITABLE');
    }
    const ok = await crm.alice.request(
      'POST',
      `/api/v1/records/${made.id}/history/restore`,
      { fieldId: 'amount', fromVersion: 1 },
      { 'if-match': '"3"' },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data).not.toHaveProperty('cost');
    expect(ok.body.data.amount).toBe(1);
  });
});

describe('comments', () => {
  it('anyone who may view the row comments; text is NFC plain text of 1–5000 graphemes', async () => {
    const made = await createDeal(server.owner, { name: 'commented', owner: crm.alice.memberId });
    const posted = await crm.alice.request('POST', `/api/v1/records/${made.id}/comments`, {
      body: ' Cafe\u0301 <b>客户</b> 已回电 👨‍👩‍👧‍👦 ',
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body).toMatchObject({
      recordId: made.id,
      author: crm.alice.memberId,
      body: 'Caf\u00e9 <b>客户</b> 已回电 👨‍👩‍👧‍👦',
    });
    await server.owner.request('POST', `/api/v1/records/${made.id}/comments`, { body: 'second' });
    const list = await crm.alice.request('GET', `/api/v1/records/${made.id}/comments`);
    expect(list.status).toBe(200);
    expect(list.body.comments.map((c: { body: string }) => c.body)).toEqual([posted.body.body, 'second']);
    const page = await crm.alice.request(
      'GET',
      `/api/v1/records/${made.id}/comments?limit=1&after=${posted.body.id as string}`,
    );
    expect(page.body.comments.map((c: { body: string }) => c.body)).toEqual(['second']);

    const family = '👨‍👩‍👧‍👦';
    expect(
      (await crm.alice.request('POST', `/api/v1/records/${made.id}/comments`, { body: family.repeat(5000) })).status,
    ).toBe(201);
    const cases: [string, string][] = [
      ['   ', 'COMMENT_LENGTH'],
      ['a'.repeat(5001), 'COMMENT_LENGTH'],
      ['a\u0000b', 'INVALID_CHARACTER'],
      ['a\ud800b', 'INVALID_CHARACTER'],
    ];
    for (const [body, code] of cases) {
      const res = await crm.alice.request(
        'POST',
        `/api/v1/records/${made.id}/comments`,
        { body },
        { 'accept-language': 'zh-CN' },
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.errors[0].path).toBe('body');
    }
    expect((await crm.alice.request('POST', `/api/v1/records/${made.id}/comments`, { body: 1 })).status).toBe(400);
    expect(
      (await crm.alice.request('POST', `/api/v1/records/${made.id}/comments`, { body: 'x', extra: 1 })).status,
    ).toBe(400);
  });

  it('the author or an owner/admin deletes a comment; others cannot; rows outside the filter are 404', async () => {
    const made = await createDeal(server.owner, { name: 'shared', owner: crm.alice.memberId });
    const theirs = await createDeal(server.owner, { name: 'not alice', owner: crm.bob.memberId });
    const byOwner = await server.owner.request('POST', `/api/v1/records/${made.id}/comments`, {
      body: 'from the boss',
    });
    const byAlice = await crm.alice.request('POST', `/api/v1/records/${made.id}/comments`, { body: 'from alice' });
    expect((await crm.alice.request('DELETE', `/api/v1/comments/${byOwner.body.id as string}`)).status).toBe(403);
    expect((await crm.alice.request('DELETE', `/api/v1/comments/${byAlice.body.id as string}`)).status).toBe(204);
    expect((await crm.alice.request('DELETE', `/api/v1/comments/${byAlice.body.id as string}`)).status).toBe(404);
    const admin = await server.addMember({ role: 'admin' });
    expect((await admin.request('DELETE', `/api/v1/comments/${byOwner.body.id as string}`)).status).toBe(204);
    const left = await server.owner.request('GET', `/api/v1/records/${made.id}/comments`);
    expect(left.body.comments).toEqual([]);

    const onTheirs = await server.owner.request('POST', `/api/v1/records/${theirs.id}/comments`, { body: 'bob only' });
    expect((await crm.alice.request('GET', `/api/v1/records/${theirs.id}/comments`)).status).toBe(404);
    expect((await crm.alice.request('POST', `/api/v1/records/${theirs.id}/comments`, { body: 'x' })).status).toBe(404);
    expect((await crm.alice.request('DELETE', `/api/v1/comments/${onTheirs.body.id as string}`)).status).toBe(404);
    expect((await crm.nobody.request('GET', `/api/v1/records/${made.id}/comments`)).status).toBe(403);
  });
});
