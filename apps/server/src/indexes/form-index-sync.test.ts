import { fieldRegistry } from '@formflow/engine';
import type { FormDef, PermissionGroupDef, ViewDef } from '@formflow/schema';
import { buildListQuery, formIndexNames, formIndexPrefix } from '@formflow/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.js';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;
let member: TestSession;

const STAGES = ['lead', 'quote', 'won'];
const deals: FormDef = {
  id: 'deals',
  name: { 'zh-CN': '商机', en: 'Deals' },
  fields: [
    { id: 'title', type: 'text', label: { 'zh-CN': '名称', en: 'Title' }, unique: true },
    {
      id: 'stage',
      type: 'select',
      label: { 'zh-CN': '阶段', en: 'Stage' },
      settings: { options: STAGES.map((id) => ({ id, label: id })) },
    },
    { id: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'owner', type: 'member', label: { 'zh-CN': '负责人', en: 'Owner' } },
  ],
};
const quotes: ViewDef = {
  id: 'quotes',
  formId: 'deals',
  name: { 'zh-CN': '报价', en: 'Quotes' },
  type: 'grid',
  filter: { field: 'stage', op: 'eq', value: 'quote' },
  sort: [{ field: 'amount', direction: 'desc' }],
};
const board: ViewDef = {
  id: 'board',
  formId: 'deals',
  name: { 'zh-CN': '看板', en: 'Board' },
  type: 'kanban',
  groupBy: 'stage',
  sumField: 'amount',
};
const own: PermissionGroupDef = {
  id: 'own',
  formId: 'deals',
  name: { 'zh-CN': '本人', en: 'Own' },
  principals: [{ kind: 'everyone' }],
  actions: ['submit', 'view'],
  defaultFieldAccess: 'write',
  rowFilter: { field: 'owner', op: 'isCurrentMember' },
};
const app = (views: ViewDef[], permissionGroups: PermissionGroupDef[] = []) => ({
  id: 'crm',
  name: { 'zh-CN': '客户管理', en: 'CRM' },
  views,
  permissionGroups,
});
const names = () => formIndexNames(server.store.db, owner.workspaceId, 'deals');

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  member = await server.addMember();
});
afterAll(async () => server.close());

describe('form indexes follow the app, over real HTTP', () => {
  it('publishing a form creates the index of its unique field', async () => {
    expect((await owner.request('POST', '/api/v1/apps', app([]))).status).toBe(201);
    expect((await owner.request('POST', '/api/v1/apps/crm/forms', deals)).status).toBe(201);
    expect(names()).toEqual([]);
    expect((await owner.request('POST', '/api/v1/forms/deals/publish')).status).toBe(201);
    const sql = server.store.db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?")
      .pluck()
      .get(names()[0]) as string;
    expect(names()).toHaveLength(1);
    expect(sql).toContain(`json_extract(search, '$."title"')`);
    expect(sql).toContain(`WHERE workspace_id = '${owner.workspaceId}' AND form_id = 'deals' AND deleted_at IS NULL`);
  });

  it('saving views and a row filter creates their indexes, and lists use them with the same answers', async () => {
    expect((await owner.request('PUT', '/api/v1/apps/crm', app([quotes, board], [own]))).status).toBe(200);
    expect(names().length).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 40; i++) {
      const by = i % 2 === 0 ? owner : member;
      const data = { title: `商机${String(i)}`, stage: STAGES[i % 3], amount: (i * 37) % 100, owner: by.memberId };
      expect((await by.request('POST', '/api/v1/forms/deals/records', { data })).status).toBe(201);
    }
    const page = await member.request('POST', '/api/v1/forms/deals/records/query', {
      filter: quotes.filter,
      sort: quotes.sort,
      limit: 50,
    });
    expect(page.status).toBe(200);
    const expected = Array.from({ length: 40 }, (_, i) => i)
      .filter((i) => i % 3 === 1 && i % 2 === 1)
      .map((i) => (i * 37) % 100)
      .sort((a, b) => b - a);
    const amounts = (page.body.records as { data: { amount: number } }[]).map((r) => r.data.amount);
    expect(amounts).toEqual(expected);

    const ctx = { memberId: member.memberId, now: new Date(), timezone: 'UTC' };
    const input = {
      workspaceId: owner.workspaceId,
      formId: 'deals',
      filter: quotes.filter!,
      sort: quotes.sort!,
      limit: 50,
    };
    for (const q of [
      buildListQuery(input, deals, fieldRegistry, ctx, { foldFunction: true }),
      buildListQuery({ ...input, scope: own.rowFilter! }, deals, fieldRegistry, ctx, { foldFunction: true }),
    ]) {
      const plan = server.store.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[];
      expect(plan[0]?.detail).toMatch(new RegExp(`USING INDEX ${formIndexPrefix(owner.workspaceId, 'deals')}`));
    }
  });

  it('dropping the views drops their indexes', async () => {
    const before = names();
    expect((await owner.request('PUT', '/api/v1/apps/crm', app([], [own]))).status).toBe(200);
    expect(names()).toHaveLength(1);
    expect(before).toContain(names()[0]);
  });

  it('on start a server makes missing indexes and drops those of forms that are gone', async () => {
    expect((await owner.request('PUT', '/api/v1/apps/crm', app([quotes], [own]))).status).toBe(200);
    const wanted = names();
    server.store.db.exec(`DROP INDEX "${wanted[0]!}"`);
    const orphan = `${formIndexPrefix(owner.workspaceId, 'gone')}000000000000`;
    server.store.db.exec(`CREATE INDEX "${orphan}" ON records (id) WHERE form_id = 'gone'`);
    const second = buildServer({ store: server.store, dataDir: server.dataDir });
    await second.ready();
    await second.close();
    expect(names()).toEqual(wanted);
    const left = server.store.db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(orphan);
    expect(left).toBeUndefined();
  });

  it('deleting the form drops its indexes', async () => {
    expect((await owner.request('PUT', '/api/v1/apps/crm', app([], []))).status).toBe(200);
    expect((await owner.request('DELETE', '/api/v1/forms/deals')).status).toBe(204);
    expect(names()).toEqual([]);
  });
});
