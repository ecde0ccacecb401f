import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { createDeal, recordsFingerprint, setupCrm } from './records-test-app.js';

let server: ApiTestServer;
let clock = Date.parse('2026-03-02T01:00:00.000Z');

beforeAll(async () => {
  server = await startApiServer({ now: () => new Date((clock += 1000)) });
  await setupCrm(server);
});
afterAll(async () => server.close());

const outbox = () =>
  server.store.db.prepare('SELECT topic, payload FROM outbox ORDER BY created_at, id').all() as {
    topic: string;
    payload: string;
  }[];

describe('record CRUD', () => {
  it('creates a record: 201, ETag, Location, system fields filled, serial issued, outbox message', async () => {
    const before = outbox().length;
    const res = await server.owner.request('POST', '/api/v1/forms/deals/records', {
      data: { name: '上海某某贸易有限公司', amount: 1200.5, stage: 'lead', phone: '13800138000' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/v1/records/${res.body.id}`);
    expect(res.body).toMatchObject({ formId: 'deals', version: 1, createdBy: server.owner.memberId });
    expect(res.body.data).toMatchObject({
      name: '上海某某贸易有限公司',
      amount: 1200.5,
      stage: 'lead',
      code: 'D0001',
      creator: server.owner.memberId,
    });
    expect(res.body.data.created).toMatch(/^2026-03-02T01:00:\d\d\.000Z$/);
    expect(res.body.data.updated).toBe(res.body.data.created);
    const messages = outbox().slice(before);
    expect(messages.map((m) => m.topic)).toEqual(['record.created']);
    expect(JSON.parse(messages[0]!.payload)).toEqual({ formId: 'deals', recordId: res.body.id, version: 1 });
    const second = await createDeal(server.owner, { name: 'B' });
    expect(second.data.code).toBe('D0002');
  });

  it('reads a record with its ETag; 404 for an unknown id', async () => {
    const made = await createDeal(server.owner, { name: 'Read me', amount: 3 });
    const res = await server.owner.request('GET', `/api/v1/records/${made.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.data).toMatchObject({ name: 'Read me', amount: 3 });
    const missing = await server.owner.request('GET', '/api/v1/records/0190aaaa-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('PATCH needs If-Match: 428 without, 400 when unreadable, 200 with the current version', async () => {
    const made = await createDeal(server.owner, { name: 'Patch me', amount: 10, note: 'keep' });
    const fingerprint = recordsFingerprint(server);
    const missing = await server.owner.request('PATCH', `/api/v1/records/${made.id}`, { data: { amount: 11 } });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    for (const tag of ['1', 'W/"1"', '*', '"1", "2"', '"abc"']) {
      const bad = await server.owner.request(
        'PATCH',
        `/api/v1/records/${made.id}`,
        { data: { amount: 11 } },
        {
          'if-match': tag,
        },
      );
      expect(bad.status, tag).toBe(400);
      expect(bad.body.code).toBe('INVALID_IF_MATCH');
    }
    expect(recordsFingerprint(server)).toBe(fingerprint);

    const ok = await server.owner.request(
      'PATCH',
      `/api/v1/records/${made.id}`,
      { data: { amount: 11, note: null } },
      {
        'if-match': '"1"',
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body.version).toBe(2);
    expect(ok.body.data).toMatchObject({ name: 'Patch me', amount: 11 });
    expect(ok.body.data).not.toHaveProperty('note');
    expect(String(ok.body.data.updated) > String(made.data.updated)).toBe(true);
    expect(ok.body.data.created).toBe(made.data.created);
    const topics = outbox().map((m) => m.topic);
    expect(topics.at(-1)).toBe('record.updated');
  });

  it('a stale If-Match is 412 VERSION_CONFLICT with the current values and version; nothing written', async () => {
    const made = await createDeal(server.owner, { name: 'Race', amount: 1 });
    const first = await server.owner.request(
      'PATCH',
      `/api/v1/records/${made.id}`,
      { data: { amount: 2 } },
      {
        'if-match': '"1"',
      },
    );
    expect(first.status).toBe(200);
    const fingerprint = recordsFingerprint(server);
    const second = await server.owner.request(
      'PATCH',
      `/api/v1/records/${made.id}`,
      { data: { amount: 3 } },
      { 'if-match': '"1"', 'accept-language': 'zh-CN' },
    );
    expect(second.status).toBe(412);
    expect(second.body.code).toBe('VERSION_CONFLICT');
    expect(second.body.current).toMatchObject({ id: made.id, version: 2, data: { name: 'Race', amount: 2 } });
    expect(second.body.errors[0].path).toBe('headers.if-match');
    expect(second.body.errors[0].message).toContain('第 1 版');
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('concurrent PATCHes with the same version: exactly one wins (C1)', async () => {
    const made = await createDeal(server.owner, { name: 'Both', amount: 0 });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        server.owner.request('PATCH', `/api/v1/records/${made.id}`, { data: { amount: n } }, { 'if-match': '"1"' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412]);
    const now = await server.owner.request('GET', `/api/v1/records/${made.id}`);
    expect(now.body.version).toBe(2);
  });

  it('invalid data is 422 INVALID_RECORD listing every error with data.<field> paths, localised', async () => {
    const fingerprint = recordsFingerprint(server);
    const res = await server.owner.request(
      'POST',
      '/api/v1/forms/deals/records',
      { data: { amount: 'abc', stage: 'nope', email: 'not-an-email', ghost: 1 } },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_RECORD');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('data.ghost');
    const en = await server.owner.request('POST', '/api/v1/forms/deals/records', {
      data: { amount: 'abc', stage: 'nope', email: 'not-an-email' },
    });
    expect(en.status).toBe(422);
    expect(en.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['data.amount', 'data.email', 'data.name', 'data.stage'].sort(),
    );
    expect(en.body.errors.find((e: { path: string }) => e.path === 'data.name').code).toBe('REQUIRED');
    expect(res.body.errors.some((e: { message: string }) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('system fields cannot be written (422 READONLY_FIELD); unknown body properties are 400 (A6)', async () => {
    const fingerprint = recordsFingerprint(server);
    const sys = await server.owner.request('POST', '/api/v1/forms/deals/records', {
      data: { name: 'x', creator: 'someone-else', code: 'D9999', created: '2020-01-01T00:00:00.000Z' },
    });
    expect(sys.status).toBe(422);
    expect(sys.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual([
      'data.code:READONLY_FIELD',
      'data.created:READONLY_FIELD',
      'data.creator:READONLY_FIELD',
    ]);
    for (const extra of ['id', 'version', 'createdBy', 'workspaceId']) {
      const res = await server.owner.request('POST', '/api/v1/forms/deals/records', {
        data: { name: 'x' },
        [extra]: 1,
      });
      expect(res.status, extra).toBe(400);
      expect(res.body.code).toBe('UNKNOWN_PROPERTY');
    }
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('a unique value that exists is 409 UNIQUE_CONFLICT with the field path and the existing record (查重)', async () => {
    const first = await createDeal(server.owner, { name: 'Uniq', email: 'Boss@Example.com' });
    const fingerprint = recordsFingerprint(server);
    const dup = await server.owner.request('POST', '/api/v1/forms/deals/records', {
      data: { name: 'Uniq 2', email: 'boss@example.com' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('UNIQUE_CONFLICT');
    expect(dup.body.existingRecordId).toBe(first.id);
    expect(dup.body.errors[0]).toMatchObject({ path: 'data.email', code: 'UNIQUE_CONFLICT' });
    expect(recordsFingerprint(server)).toBe(fingerprint);
    // Updating another record to the taken value is refused the same way.
    const other = await createDeal(server.owner, { name: 'Other' });
    const clash = await server.owner.request(
      'PATCH',
      `/api/v1/records/${other.id}`,
      {
        data: { email: 'BOSS@example.com' },
      },
      { 'if-match': '"1"' },
    );
    expect(clash.status).toBe(409);
    expect(clash.body.existingRecordId).toBe(first.id);
  });

  it('a PATCH that changes nothing keeps the version and writes nothing', async () => {
    const made = await createDeal(server.owner, { name: 'Same', amount: 5 });
    const fingerprint = recordsFingerprint(server);
    const res = await server.owner.request(
      'PATCH',
      `/api/v1/records/${made.id}`,
      { data: { amount: 5 } },
      {
        'if-match': '"1"',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('deletes to the recycle bin (204), hides the record, restores it (200), and lists the bin for managers', async () => {
    const made = await createDeal(server.owner, { name: 'Bin me' });
    const stale = await server.owner.request('DELETE', `/api/v1/records/${made.id}`, undefined, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.current.version).toBe(1);
    const del = await server.owner.request('DELETE', `/api/v1/records/${made.id}`, undefined, { 'if-match': '"1"' });
    expect(del.status).toBe(204);
    expect(outbox().at(-1)?.topic).toBe('record.deleted');
    expect((await server.owner.request('GET', `/api/v1/records/${made.id}`)).status).toBe(404);
    expect((await server.owner.request('DELETE', `/api/v1/records/${made.id}`)).status).toBe(404);
    const list = await server.owner.request('POST', '/api/v1/forms/deals/records/query', { q: 'Bin me' });
    expect(list.body.records).toEqual([]);

    const bin = await server.owner.request('GET', '/api/v1/forms/deals/recycle-bin');
    expect(bin.status).toBe(200);
    expect(bin.body.records[0]).toMatchObject({ id: made.id, version: 2, deletedBy: server.owner.memberId });
    expect(bin.body.records[0].data.name).toBe('Bin me');

    const restored = await server.owner.request('POST', `/api/v1/records/${made.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: made.id, version: 3 });
    expect(restored.headers.get('etag')).toBe('"3"');
    expect(outbox().at(-1)?.topic).toBe('record.restored');
    const again = await server.owner.request('POST', `/api/v1/records/${made.id}/restore`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOT_DELETED');
    const after = await server.owner.request('GET', '/api/v1/forms/deals/recycle-bin');
    expect(after.body.records.some((r: { id: string }) => r.id === made.id)).toBe(false);
  });

  it('pages the recycle bin with a cursor, newest first; a bogus cursor is 400', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const made = await createDeal(server.owner, { name: `bin page ${String(i)}` });
      await server.owner.request('DELETE', `/api/v1/records/${made.id}`);
      ids.push(made.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { records: { id: string }[]; nextCursor: string | null } } =
        await server.owner.request(
          'GET',
          `/api/v1/forms/deals/recycle-bin?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
      expect(page.status).toBe(200);
      seen.push(...page.body.records.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
    const bogus = await server.owner.request('GET', '/api/v1/forms/deals/recycle-bin?cursor=%27%3BDROP');
    expect(bogus.status).toBe(400);
    const forged = Buffer.from(JSON.stringify([{}, 1])).toString('base64url');
    expect((await server.owner.request('GET', `/api/v1/forms/deals/recycle-bin?cursor=${forged}`)).status).toBe(400);
  });

  it('every record route is in the OpenAPI document', async () => {
    const doc = await server.owner.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/v1/openapi.json',
    );
    expect(doc.status).toBe(200);
    const routes = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/forms/{formId}/records',
        'GET /api/v1/forms/{formId}/records',
        'POST /api/v1/forms/{formId}/records/query',
        'POST /api/v1/forms/{formId}/records/batch',
        'POST /api/v1/forms/{formId}/aggregate',
        'GET /api/v1/forms/{formId}/recycle-bin',
        'GET /api/v1/records/{recordId}',
        'PATCH /api/v1/records/{recordId}',
        'DELETE /api/v1/records/{recordId}',
        'POST /api/v1/records/{recordId}/restore',
        'GET /api/v1/records/{recordId}/history',
        'POST /api/v1/records/{recordId}/history/restore',
        'GET /api/v1/records/{recordId}/comments',
        'POST /api/v1/records/{recordId}/comments',
        'DELETE /api/v1/comments/{commentId}',
      ]),
    );
  });
});
