import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { setupCrm, STAGES, type CrmSetup } from './records-test-app.js';

let server: ApiTestServer;
let crm: CrmSetup;
type Row = { owner?: string; stage?: string; amount?: number; cost?: number };
const rows: Row[] = [];

beforeAll(async () => {
  server = await startApiServer();
  crm = await setupCrm(server);
  const owners = [crm.alice.memberId, crm.bob.memberId, undefined];
  for (let i = 0; i < 240; i++) {
    const row: Row = {};
    if (i % 7 !== 0) row.stage = STAGES[(i * 3) % STAGES.length];
    if (i % 5 !== 0) row.amount = ((i * 37) % 101) * 100 + (i % 3) * 0.5;
    const owner = owners[i % 3];
    if (owner) row.owner = owner;
    if (i % 2 === 0) row.cost = i;
    rows.push(row);
  }
  const res = await server.owner.request('POST', '/api/v1/forms/deals/records/batch', {
    create: rows.map((row, i) => ({ data: { name: `deal ${String(i)}`, ...row } })),
  });
  if (res.status !== 200) throw new Error(res.text);
});
afterAll(async () => server.close());

type Result = { rows: { keys: (string | number | boolean | null)[]; values: (number | null)[] }[] };

/** The funnel as plain JavaScript: count and sum of amount per stage (null stage last as SQL orders it first). */
function funnel(source: Row[]) {
  const out = new Map<string | null, { count: number; sum: number | null }>();
  for (const row of source) {
    const key = row.stage ?? null;
    const entry = out.get(key) ?? { count: 0, sum: null };
    entry.count += 1;
    if (row.amount !== undefined) entry.sum = (entry.sum ?? 0) + row.amount;
    out.set(key, entry);
  }
  return out;
}

describe('aggregate', () => {
  it('the sales funnel: count and sum of amount by stage, equal to a JS computation', async () => {
    const res = await server.owner.request<Result>('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [{ field: 'stage' }],
      measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
    });
    expect(res.status, res.text).toBe(200);
    const want = funnel(rows);
    expect(res.body.rows).toHaveLength(want.size);
    for (const row of res.body.rows) {
      const key = row.keys[0] as string | null;
      expect(row.values[0]).toBe(want.get(key)!.count);
      expect(row.values[1]).toBeCloseTo(want.get(key)!.sum!, 6);
    }
    expect(res.body.rows.reduce((n, r) => n + (r.values[0] ?? 0), 0)).toBe(rows.length);
  });

  it('avg, min, max, count of a field, a filter and two group keys', async () => {
    const res = await server.owner.request<Result>('POST', '/api/v1/forms/deals/aggregate', {
      filter: { field: 'amount', op: 'gte', value: 2000 },
      groupBy: [{ field: 'stage' }, { field: 'owner' }],
      measures: [
        { agg: 'avg', field: 'amount' },
        { agg: 'min', field: 'amount' },
        { agg: 'max', field: 'amount' },
        { agg: 'count', field: 'owner' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    const kept = rows.filter((r) => r.amount !== undefined && r.amount >= 2000);
    const groups = new Map<string, number[]>();
    for (const r of kept) {
      const key = JSON.stringify([r.stage ?? null, r.owner ?? null]);
      groups.set(key, [...(groups.get(key) ?? []), r.amount!]);
    }
    expect(res.body.rows).toHaveLength(groups.size);
    for (const row of res.body.rows) {
      const amounts = groups.get(JSON.stringify(row.keys))!;
      expect(row.values[0]).toBeCloseTo(amounts.reduce((a, b) => a + b, 0) / amounts.length, 6);
      expect(row.values[1]).toBe(Math.min(...amounts));
      expect(row.values[2]).toBe(Math.max(...amounts));
      expect(row.values[3]).toBe(row.keys[1] === null ? 0 : amounts.length);
    }
  });

  it('a member counts only the rows of their row filter', async () => {
    const res = await crm.alice.request<Result>('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [{ field: 'stage' }],
      measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
    });
    expect(res.status).toBe(200);
    const want = funnel(rows.filter((r) => r.owner === crm.alice.memberId));
    expect(res.body.rows).toHaveLength(want.size);
    for (const row of res.body.rows) {
      expect(row.values[0]).toBe(want.get(row.keys[0] as string | null)!.count);
    }
  });

  it('refuses hidden, unknown and non-number fields with the path; no probing through a filter', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ groupBy: [{ field: 'cost' }], measures: [{ agg: 'count' }] }, 'groupBy[0].field', 'FIELD_NOT_READABLE'],
      [{ groupBy: [], measures: [{ agg: 'sum', field: 'cost' }] }, 'measures[0].field', 'FIELD_NOT_READABLE'],
      [{ groupBy: [], measures: [{ agg: 'count', field: 'cost' }] }, 'measures[0].field', 'FIELD_NOT_READABLE'],
      [
        { filter: { field: 'cost', op: 'gt', value: 100 }, groupBy: [], measures: [{ agg: 'count' }] },
        'filter.field',
        'FIELD_NOT_READABLE',
      ],
      [{ groupBy: [{ field: 'nope' }], measures: [{ agg: 'count' }] }, 'groupBy[0].field', 'UNKNOWN_FIELD'],
      [{ groupBy: [], measures: [{ agg: 'sum', field: 'name' }] }, 'measures[0].field', 'INVALID_AGGREGATE'],
      [{ groupBy: [], measures: [{ agg: 'sum' }] }, 'measures[0].field', 'REQUIRED'],
    ];
    for (const [body, path, code] of cases) {
      const res = await crm.alice.request('POST', '/api/v1/forms/deals/aggregate', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path, code });
    }
    const bucket = await server.owner.request('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [{ field: 'name', bucket: 'month' }],
      measures: [{ agg: 'count' }],
    });
    expect(bucket.status).toBe(400);
    expect(bucket.body.code).toBe('INVALID_AGGREGATE');
  });

  it('buckets a date-time by month in the caller zone', async () => {
    const res = await server.owner.request<Result>('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [{ field: 'created', bucket: 'month' }],
      measures: [{ agg: 'count' }],
    });
    expect(res.status, res.text).toBe(200);
    const total = res.body.rows.reduce((n, r) => n + (r.values[0] ?? 0), 0);
    expect(total).toBe(rows.length);
    expect(res.body.rows.every((r) => typeof r.keys[0] === 'string' && /^\d{4}-\d{2}$/.test(r.keys[0]))).toBe(true);
  });
});
