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

type Page = { records: { id: string; version: number; data: Record<string, unknown> }[]; nextCursor: string | null };

async function allNames(): Promise<string[]> {
  const res = await server.owner.request<Page>('POST', '/api/v1/forms/deals/records/query', {
    limit: 500,
    sort: [{ field: 'name', direction: 'asc' }],
  });
  return res.body.records.map((r) => String(r.data.name));
}

describe('batch create and update', () => {
  it('creates and updates in one call', async () => {
    const a = await createDeal(server.owner, { name: 'batch-a', amount: 1 });
    const res = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      create: [{ data: { name: 'batch-b', amount: 2 } }, { data: { name: 'batch-c', amount: 3 } }],
      update: [{ id: a.id, version: 1, data: { amount: 10 } }],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.created.map((r: { data: { name: string } }) => r.data.name)).toEqual(['batch-b', 'batch-c']);
    expect(res.body.updated[0]).toMatchObject({ id: a.id, version: 2, data: { amount: 10 } });
    expect(await allNames()).toEqual(expect.arrayContaining(['batch-a', 'batch-b', 'batch-c']));
  });

  it('one bad item writes nothing: 422 with every error at its path (create[3].data.phone)', async () => {
    const before = await allNames();
    const fingerprint = recordsFingerprint(server);
    const create = Array.from({ length: 6 }, (_, i) => ({ data: { name: `all-or-nothing ${String(i)}` } }));
    create[3] = { data: { name: 'bad', phone: '12' } as never };
    create[5] = { data: { amount: 'x' } as never };
    const res = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', { create });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_RECORD');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['create[3].data.phone', 'create[5].data.amount', 'create[5].data.name']),
    );
    expect(await allNames()).toEqual(before);
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('a unique clash found while writing rolls back the items already written (409)', async () => {
    const fingerprint = recordsFingerprint(server);
    const res = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      create: [
        { data: { name: 'u1', email: 'same@example.com' } },
        { data: { name: 'u2' } },
        { data: { name: 'u3', email: 'SAME@example.com' } },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ path: 'create[2].data.email', code: 'DUPLICATE_IN_BATCH' });
    expect(res.body.errors[0].message).toContain('create[0]');
    expect(recordsFingerprint(server)).toBe(fingerprint);
    // Against an existing record, the holder's id is reported.
    const holder = await createDeal(server.owner, { name: 'holder', email: 'taken@example.com' });
    const clash = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      create: [{ data: { name: 'ok' } }, { data: { name: 'dup', email: 'taken@example.com' } }],
    });
    expect(clash.status).toBe(409);
    expect(clash.body.existingRecordId).toBe(holder.id);
    expect(clash.body.errors[0].path).toBe('create[1].data.email');
    expect(await allNames()).not.toContain('ok');
  });

  it('a stale version in an update is 412 with the current state; missing rows are 404; nothing written', async () => {
    const a = await createDeal(server.owner, { name: 'stale-a', amount: 1 });
    await server.owner.request('PATCH', `/api/v1/records/${a.id}`, { data: { amount: 2 } }, { 'if-match': '"1"' });
    const fingerprint = recordsFingerprint(server);
    const stale = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      create: [{ data: { name: 'should not exist' } }],
      update: [{ id: a.id, version: 1, data: { amount: 3 } }],
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.errors[0].path).toBe('update[0].version');
    expect(stale.body.conflicts[0]).toMatchObject({ path: 'update[0]', current: { version: 2, data: { amount: 2 } } });
    const missing = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      update: [{ id: 'no-such-record', version: 1, data: { amount: 3 } }],
    });
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].path).toBe('update[0].id');
    const twice = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      update: [
        { id: a.id, version: 2, data: { amount: 3 } },
        { id: a.id, version: 2, data: { amount: 4 } },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0]).toMatchObject({ path: 'update[1].id', code: 'DUPLICATE_ID' });
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('caps a batch at 500 items and refuses an empty one', async () => {
    const fingerprint = recordsFingerprint(server);
    const big = Array.from({ length: 501 }, () => ({ data: { name: 'x' } }));
    expect((await server.owner.request('POST', '/api/v1/forms/deals/records/batch', { create: big })).status).toBe(400);
    const split = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      create: big.slice(0, 300),
      update: Array.from({ length: 201 }, () => ({ id: 'x', version: 1, data: {} })),
    });
    expect(split.status).toBe(400);
    expect(split.body.code).toBe('INVALID_BATCH_SIZE');
    expect((await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {})).status).toBe(400);
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });

  it('writes 500 creates in one transaction', async () => {
    const create = Array.from({ length: 500 }, (_, i) => ({ data: { name: `bulk ${String(i).padStart(3, '0')}` } }));
    const res = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', { create });
    expect(res.status).toBe(200);
    expect(res.body.created).toHaveLength(500);
    const codes = new Set(res.body.created.map((r: { data: { code: string } }) => r.data.code));
    expect(codes.size).toBe(500);
  });

  it('a member needs edit for updates and submit for creates, and only reaches own rows', async () => {
    const mine = await createDeal(crm.alice, { name: 'alice own', owner: crm.alice.memberId });
    const theirs = await createDeal(server.owner, { name: 'not alice', owner: crm.bob.memberId });
    const fingerprint = recordsFingerprint(server);
    const res = await crm.alice.request('POST', '/api/v1/forms/deals/records/batch', {
      update: [
        { id: mine.id, version: 1, data: { amount: 1 } },
        { id: theirs.id, version: 1, data: { amount: 1 } },
      ],
    });
    expect(res.status).toBe(404);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['update[1].id']);
    const hidden = await crm.alice.request('POST', '/api/v1/forms/deals/records/batch', {
      create: [{ data: { name: 'h', cost: 5 } }],
      update: [{ id: mine.id, version: 1, data: { score: 3 } }],
    });
    expect(hidden.status).toBe(403);
    expect(hidden.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'create[0].data.cost:FIELD_NOT_WRITABLE',
      'update[0].data.score:FIELD_NOT_WRITABLE',
    ]);
    expect(JSON.stringify(hidden.body)).not.toContain('"cost":');
    expect(
      (await crm.nobody.request('POST', '/api/v1/forms/deals/records/batch', { create: [{ data: { name: 'n' } }] }))
        .status,
    ).toBe(403);
    expect(recordsFingerprint(server)).toBe(fingerprint);
  });
});
