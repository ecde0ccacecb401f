import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, compileSort, fieldRegistry, type FilterContext } from '@formflow/engine';
import type { FilterNode, SortSpec } from '@formflow/schema';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { dealsForm, setupCrm, STAGES, type CrmSetup } from './records-test-app.js';

let server: ApiTestServer;
let crm: CrmSetup;
type Stored = { id: string; data: Record<string, unknown> };
let stored: Stored[];

const WORDS = ['上海', '北京', 'Acme', 'Ärzte', 'urgent', '重要客户', 'Zeta', 'ümlaut', '深圳', 'beta'];

/** Deterministic pseudo-random data (a linear congruential generator), so a failure reproduces. */
function seeded(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

beforeAll(async () => {
  server = await startApiServer();
  crm = await setupCrm(server);
  const pick = seeded(42);
  const owners = [crm.alice.memberId, crm.bob.memberId, server.owner.memberId, null];
  const create = Array.from({ length: 300 }, (_, i) => {
    const data: Record<string, unknown> = { name: `${WORDS[pick(10)]} ${WORDS[pick(10)]} #${String(i)}` };
    if (pick(6) > 0) data.stage = STAGES[pick(STAGES.length)];
    if (pick(5) > 0) data.amount = pick(200) * 50 - 500;
    const owner = owners[pick(owners.length)];
    if (owner) data.owner = owner;
    if (pick(3) === 0) data.note = `${WORDS[pick(10)]} follow-up`;
    if (pick(4) === 0) data.secretNote = `secret ${WORDS[pick(10)]}`;
    if (pick(4) === 0) data.cost = pick(1000);
    return { data };
  });
  const res = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', { create });
  if (res.status !== 200) throw new Error(res.text);
  stored = (
    server.store.db.prepare("SELECT id, data FROM records WHERE form_id = 'deals' AND deleted_at IS NULL").all() as {
      id: string;
      data: string;
    }[]
  ).map((r) => ({ id: r.id, data: JSON.parse(r.data) as Record<string, unknown> }));
});
afterAll(async () => server.close());

const filterContext = (session: TestSession): FilterContext => ({
  memberId: session.memberId,
  departmentIds: [],
  now: new Date(),
  timezone: 'Asia/Shanghai',
});

/** What the engine's in-memory filter and sort keep, in the list's order (ties by id). */
function expected(session: TestSession, filter: FilterNode | undefined, sort: SortSpec[], rowFilter?: FilterNode) {
  const ctx = filterContext(session);
  const keep = filter ? compileFilter(filter, dealsForm, fieldRegistry) : () => true;
  const rows = rowFilter ? compileFilter(rowFilter, dealsForm, fieldRegistry) : () => true;
  const compare = compileSort(sort, dealsForm, fieldRegistry);
  return stored
    .filter((r) => keep(r.data, ctx) && rows(r.data, ctx))
    .sort((a, b) => compare(a.data, b.data) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => r.id);
}

type Page = { records: { id: string; data: Record<string, unknown> }[]; nextCursor: string | null };

/** Every page of a query, following nextCursor. */
async function queryAll(session: TestSession, body: Record<string, unknown>, limit = 37) {
  const ids: string[] = [];
  const records: Page['records'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: Page; text: string } = await session.request(
      'POST',
      '/api/v1/forms/deals/records/query',
      { ...body, limit, ...(cursor ? { cursor } : {}) },
    );
    if (res.status !== 200) throw new Error(res.text);
    records.push(...res.body.records);
    ids.push(...res.body.records.map((r) => r.id));
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { ids, records, pages };
}

const CASES: { name: string; filter?: FilterNode; sort: SortSpec[] }[] = [
  { name: 'everything by id', sort: [] },
  {
    name: 'stage in, amount desc',
    filter: { field: 'stage', op: 'in', value: ['won', 'proposal'] },
    sort: [{ field: 'amount', direction: 'desc' }],
  },
  {
    name: 'amount range and name contains, by name',
    filter: {
      and: [
        { field: 'amount', op: 'between', value: [0, 4000] },
        { field: 'name', op: 'contains', value: 'ACME' },
      ],
    },
    sort: [{ field: 'name', direction: 'asc' }],
  },
  {
    name: 'or with empties, by stage then amount',
    filter: {
      or: [
        { field: 'stage', op: 'isEmpty' },
        { field: 'amount', op: 'lt', value: 0 },
      ],
    },
    sort: [
      { field: 'stage', direction: 'asc' },
      { field: 'amount', direction: 'asc' },
    ],
  },
  {
    name: 'notContains on folded text',
    filter: { field: 'name', op: 'notContains', value: 'ärzte' },
    sort: [{ field: 'amount', direction: 'asc' }],
  },
  { name: 'my rows', filter: { field: 'owner', op: 'isCurrentMember' }, sort: [{ field: 'name', direction: 'desc' }] },
];

describe('list and query', () => {
  for (const c of CASES) {
    it(`keeps exactly what the engine keeps, paged by cursor: ${c.name}`, async () => {
      const want = expected(server.owner, c.filter, c.sort);
      const got = await queryAll(server.owner, { ...(c.filter ? { filter: c.filter } : {}), sort: c.sort });
      expect(got.ids).toEqual(want);
      expect(new Set(got.ids).size).toBe(got.ids.length);
      expect(got.pages).toBe(Math.max(1, Math.ceil(want.length / 37)));
    });
  }

  it('a member sees only rows of their row filter, without hidden fields', async () => {
    const rowFilter: FilterNode = { field: 'owner', op: 'isCurrentMember' };
    const sort: SortSpec[] = [{ field: 'amount', direction: 'desc' }];
    const got = await queryAll(crm.alice, { sort });
    expect(got.ids).toEqual(expected(crm.alice, undefined, sort, rowFilter));
    expect(got.ids.length).toBeGreaterThan(20);
    for (const r of got.records) {
      expect(r.data.owner).toBe(crm.alice.memberId);
      expect(r.data).not.toHaveProperty('cost');
      expect(r.data).not.toHaveProperty('secretNote');
    }
  });

  it('GET takes sort=field:dir,… and q, and defaults to 50 per page', async () => {
    const first = await server.owner.request<Page>('GET', '/api/v1/forms/deals/records');
    expect(first.status).toBe(200);
    expect(first.body.records).toHaveLength(50);
    expect(typeof first.body.nextCursor).toBe('string');
    const sorted = await server.owner.request<Page>(
      'GET',
      '/api/v1/forms/deals/records?sort=stage:desc,amount&limit=500',
    );
    expect(sorted.body.records.map((r) => r.id)).toEqual(
      expected(server.owner, undefined, [
        { field: 'stage', direction: 'desc' },
        { field: 'amount', direction: 'asc' },
      ]),
    );
  });

  it('q searches every readable text field, folded (Ä = ä), as the engine would', async () => {
    const textFields = ['name', 'phone', 'email', 'note', 'secretNote', 'code'];
    const search = (fields: string[], value: string): FilterNode => ({
      or: fields.map((field) => ({ field, op: 'contains' as const, value })),
    });
    const owner = await server.owner.request<Page>(
      'GET',
      `/api/v1/forms/deals/records?q=${encodeURIComponent('ÄRZTE')}&limit=500`,
    );
    expect(owner.status).toBe(200);
    expect(owner.body.records.map((r) => r.id).sort()).toEqual(
      expected(server.owner, search(textFields, 'ärzte'), []).sort(),
    );
    // The owner's search reaches the internal note; a member's never does (it is hidden from them).
    const secretWord = 'secret';
    const ownerHits = await queryAll(server.owner, { q: secretWord });
    expect(ownerHits.ids.length).toBeGreaterThan(0);
    const aliceHits = await queryAll(crm.alice, { q: secretWord });
    expect(aliceHits.ids).toEqual([]);
  });

  it('projects to `fields`, only readable ones', async () => {
    const res = await server.owner.request<Page>('POST', '/api/v1/forms/deals/records/query', {
      fields: ['name', 'stage'],
      limit: 5,
    });
    expect(res.status).toBe(200);
    for (const r of res.body.records)
      expect(Object.keys(r.data).every((k) => k === 'name' || k === 'stage')).toBe(true);
    const hidden = await crm.alice.request('POST', '/api/v1/forms/deals/records/query', { fields: ['name', 'cost'] });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors[0]).toMatchObject({ path: 'fields[1]', code: 'FIELD_NOT_READABLE' });
    const unknown = await server.owner.request('POST', '/api/v1/forms/deals/records/query', { fields: ['nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].code).toBe('UNKNOWN_FIELD');
  });

  it('offset jumps into the list (row filter kept), continues by its cursor, and is exclusive with cursor', async () => {
    const sort: SortSpec[] = [{ field: 'amount', direction: 'desc' }];
    const filter: FilterNode = { field: 'stage', op: 'neq', value: 'lost' };
    const want = expected(server.owner, filter, sort);
    const at = (session: TestSession, offset: number, limit: number) =>
      session.request<Page>('POST', '/api/v1/forms/deals/records/query', { filter, sort, offset, limit });
    for (const offset of [0, 1, 100, want.length - 3]) {
      const res = await at(server.owner, offset, 10);
      expect(res.status).toBe(200);
      expect(res.body.records.map((r) => r.id)).toEqual(want.slice(offset, offset + 10));
    }
    const jumped = await at(server.owner, 120, 20);
    const next = await server.owner.request<Page>('POST', '/api/v1/forms/deals/records/query', {
      filter,
      sort,
      cursor: jumped.body.nextCursor,
      limit: 20,
    });
    expect(next.body.records.map((r) => r.id)).toEqual(want.slice(140, 160));
    const past = await at(server.owner, 1_000_000, 10);
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ records: [], nextCursor: null });
    const mine = expected(crm.alice, filter, sort, { field: 'owner', op: 'isCurrentMember' });
    const alicePage = await at(crm.alice, 5, 10);
    expect(alicePage.body.records.map((r) => r.id)).toEqual(mine.slice(5, 15));

    const both = await server.owner.request('POST', '/api/v1/forms/deals/records/query', {
      offset: 10,
      cursor: jumped.body.nextCursor,
    });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('INVALID_OFFSET');
    expect(both.body.errors[0].path).toBe('offset');
    for (const bad of [-1, 1_000_001, 2.5, '10']) {
      const res = await server.owner.request('POST', '/api/v1/forms/deals/records/query', { offset: bad });
      expect(res.status).toBe(400);
    }
  });

  it('refuses a tampered cursor or one from another sort (400 INVALID_CURSOR) and a bad filter with its path', async () => {
    const first = await server.owner.request<Page>('POST', '/api/v1/forms/deals/records/query', { limit: 3 });
    const cursor = first.body.nextCursor!;
    const tampered = cursor.slice(0, -2) + (cursor.endsWith('A') ? 'BB' : 'AA');
    for (const bad of [tampered, 'not-a-cursor', cursor.slice(0, 10)]) {
      const res = await server.owner.request('POST', '/api/v1/forms/deals/records/query', { cursor: bad });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_CURSOR');
      expect(res.body.errors[0].path).toBe('cursor');
    }
    const otherSort = await server.owner.request('POST', '/api/v1/forms/deals/records/query', {
      cursor,
      sort: [{ field: 'amount', direction: 'asc' }],
    });
    expect(otherSort.status).toBe(400);
    const badFilter = await server.owner.request('POST', '/api/v1/forms/deals/records/query', {
      filter: {
        and: [
          { field: 'amount', op: 'gt', value: 1 },
          { field: 'amount', op: 'contains', value: 1 },
        ],
      },
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].path).toMatch(/^filter\.and\[1\]/);
    const badSort = await server.owner.request(
      'GET',
      '/api/v1/forms/deals/records?sort=name;%20DROP%20TABLE%20records',
    );
    expect(badSort.status).toBe(400);
    expect(badSort.body.code).toBe('INVALID_SORT');
  });
});
