import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFormAccess, type FormAccess, type Viewer } from '@formflow/engine';
import type { FormDef, PermissionGroupDef } from '@formflow/schema';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { restrictDerivedFields } from './derived-field-access.js';

/** 客户: `parentLimit` looks up the parent customer's credit limit (a form linking to itself). */
const customers: FormDef = {
  id: 'customers',
  name: { 'zh-CN': '客户', en: 'Customers' },
  fields: [
    { id: 'name', type: 'text', label: '名称' },
    { id: 'creditLimit', type: 'number', label: '信用额度' },
    { id: 'region', type: 'text', label: '区域' },
    { id: 'parent', type: 'relation', label: '上级', settings: { formId: 'customers', multiple: false } },
    {
      id: 'parentLimit',
      type: 'lookup',
      label: '上级额度',
      settings: { relationField: 'parent', field: 'creditLimit' },
    },
  ],
};

/** 合同: lookups, relation rollups and a formula over a lookup, all through `customer`. */
const contracts: FormDef = {
  id: 'contracts',
  name: { 'zh-CN': '合同', en: 'Contracts' },
  fields: [
    { id: 'title', type: 'text', label: '标题' },
    { id: 'customer', type: 'relation', label: '客户', settings: { formId: 'customers', multiple: true } },
    { id: 'limit', type: 'lookup', label: '额度', settings: { relationField: 'customer', field: 'creditLimit' } },
    { id: 'customerName', type: 'lookup', label: '客户名', settings: { relationField: 'customer', field: 'name' } },
    {
      id: 'limitTotal',
      type: 'rollup',
      label: '额度合计',
      settings: { source: 'customer', field: 'creditLimit', aggregation: 'sum' },
    },
    { id: 'customerCount', type: 'rollup', label: '客户数', settings: { source: 'customer', aggregation: 'count' } },
    {
      id: 'eastCount',
      type: 'rollup',
      label: '华东客户数',
      settings: { source: 'customer', aggregation: 'count', condition: { '==': [{ var: 'region' }, '华东'] } },
    },
    {
      id: 'doubled',
      type: 'formula',
      label: '双倍额度',
      settings: { formula: { '*': [{ var: 'limitTotal' }, 2] }, resultType: 'number' },
    },
    {
      id: 'parentLimits',
      type: 'lookup',
      label: '上级额度',
      settings: { relationField: 'customer', field: 'parentLimit' },
    },
  ],
};

const CONTRACT_DERIVED = ['limit', 'customerName', 'limitTotal', 'customerCount', 'eastCount', 'parentLimits'];

let server: ApiTestServer;
let hidesLimit: TestSession;
let seesAll: TestSession;
let hidesRegion: TestSession;
let noCustomers: TestSession;

const group = (id: string, formId: string, members: TestSession[], extra: Partial<PermissionGroupDef> = {}) =>
  ({
    id,
    formId,
    name: { 'zh-CN': id, en: id },
    principals: members.map((m) => ({ kind: 'member' as const, id: m.memberId })),
    actions: ['view'],
    ...extra,
  }) satisfies PermissionGroupDef;

function viewerOf(session: TestSession): Viewer {
  const viewer = server.ctx.directory.viewerOf(session.workspaceId, session.memberId);
  if (!viewer) throw new Error('no viewer');
  return viewer;
}

/** The member's plain access to contracts, and what restrictDerivedFields makes of it. */
function contractsAccess(session: TestSession): { before: FormAccess; after: FormAccess } {
  const live = server.ctx.definitions.liveForm(session.workspaceId, 'contracts')!;
  const groups = server.ctx.definitions.permissionGroups(session.workspaceId, live.appId);
  const viewer = viewerOf(session);
  const before = resolveFormAccess(live.definition, groups, viewer);
  const after = restrictDerivedFields(server.ctx, session.workspaceId, viewer, live.definition, before);
  return { before, after };
}

beforeAll(async () => {
  server = await startApiServer();
  hidesLimit = await server.addMember({ name: 'M' });
  seesAll = await server.addMember({ name: 'R' });
  hidesRegion = await server.addMember({ name: 'G' });
  noCustomers = await server.addMember({ name: 'N' });
  const everyone = [hidesLimit, seesAll, hidesRegion, noCustomers];
  server.installApp(server.owner, {
    id: 'crm',
    name: { 'zh-CN': '客户管理', en: 'CRM' },
    forms: [customers, contracts],
    permissionGroups: [
      group('contractsAll', 'contracts', everyone, { actions: ['submit', 'view', 'edit', 'export'] }),
      group('customersNoLimit', 'customers', [hidesLimit], { fields: { creditLimit: 'hidden' } }),
      group('customersAll', 'customers', [seesAll]),
      group('customersNoRegion', 'customers', [hidesRegion], { fields: { region: 'hidden' } }),
    ],
  });
});
afterAll(async () => {
  await server.close();
});

describe('restrictDerivedFields', () => {
  it('drops a lookup whose source field is hidden in the linked form, from every field set', () => {
    const { before, after } = contractsAccess(hidesLimit);
    expect(before.readable.has('limit')).toBe(true);
    expect(before.writable.has('title')).toBe(true);
    expect(after.readable.has('limit')).toBe(false);
    expect(after.writable.has('limit')).toBe(false);
    expect(before.exportable.has('limit')).toBe(true);
    expect(before.writableFor.edit.has('title')).toBe(true);
    expect(after.exportable.has('limit')).toBe(false);
    expect(after.writableFor.submit.has('limit')).toBe(false);
    expect(after.writableFor.edit.has('limit')).toBe(false);
    expect(after.writableFor.submit.has('title')).toBe(true);
    // A lookup of a readable field and the plain fields stay; actions and row filters are untouched.
    expect([...after.readable]).toEqual(expect.arrayContaining(['title', 'customer', 'customerName', 'customerCount']));
    expect(after.writable.has('title')).toBe(true);
    expect(after.actions).toBe(before.actions);
    expect(after.rowFilters).toBe(before.rowFilters);
    // The definitions' own sets are not mutated.
    expect(before.readable.has('limit')).toBe(true);
  });

  it('drops a rollup measuring a hidden field, and the formula computed from it', () => {
    const { after } = contractsAccess(hidesLimit);
    expect(after.readable.has('limitTotal')).toBe(false);
    expect(after.readable.has('doubled')).toBe(false);
    // A count without a field needs only view on the linked form; a condition on a readable field is fine.
    expect(after.readable.has('customerCount')).toBe(true);
    expect(after.readable.has('eastCount')).toBe(true);
  });

  it('drops a rollup whose condition reads a field hidden in the linked form', () => {
    const { after } = contractsAccess(hidesRegion);
    expect(after.readable.has('eastCount')).toBe(false);
    expect(after.readable.has('limitTotal')).toBe(true);
    expect(after.readable.has('limit')).toBe(true);
  });

  it("drops a lookup of a linked form's own lookup when that one reads a hidden field (also through a self-link)", () => {
    const m = contractsAccess(hidesLimit).after;
    expect(m.readable.has('parentLimits')).toBe(false);
    const live = server.ctx.definitions.liveForm(server.owner.workspaceId, 'customers')!;
    const groups = server.ctx.definitions.permissionGroups(server.owner.workspaceId, live.appId);
    const viewer = viewerOf(hidesLimit);
    const own = resolveFormAccess(live.definition, groups, viewer);
    const restricted = restrictDerivedFields(server.ctx, server.owner.workspaceId, viewer, live.definition, own);
    expect(own.readable.has('parentLimit')).toBe(true);
    expect(restricted.readable.has('parentLimit')).toBe(false);
    expect(restricted.readable.has('name')).toBe(true);
  });

  it('keeps every lookup and rollup when their sources are readable (same object back)', () => {
    const { before, after } = contractsAccess(seesAll);
    expect(after).toBe(before);
    for (const id of [...CONTRACT_DERIVED, 'doubled']) expect(after.readable.has(id), id).toBe(true);
  });

  it('drops every lookup and relation rollup when the viewer has no view on the linked form', () => {
    const { after } = contractsAccess(noCustomers);
    for (const id of [...CONTRACT_DERIVED, 'doubled']) expect(after.readable.has(id), id).toBe(false);
    expect(after.readable.has('title')).toBe(true);
    expect(after.readable.has('customer')).toBe(true);
  });

  it('returns full access unchanged', () => {
    const { before, after } = contractsAccess(server.owner);
    expect(before.full).toBe(true);
    expect(after).toBe(before);
    expect(after.readable.has('limit')).toBe(true);
  });
});
