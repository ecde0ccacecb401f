import { buildServer } from '@formflow/server';
import { formIndexNames, openStore, type Store } from '@formflow/store';
import type { FastifyInstance } from 'fastify';
// Not exported by @formflow/server's entry point: the repositories the test harness also builds setup with.
import { createServerContext } from '../../../apps/server/src/context/create-server-context.js';
import type { ServerContext } from '../../../apps/server/src/context/server-context.js';
import type { ViewDef } from '@formflow/schema';
import { crmApp, dealsForm } from './crm-form.js';

/** Who exists in a benchmark workspace (persisted next to a cached database). */
export type CrmSetup = {
  workspaceId: string;
  ownerId: string;
  /** Sales reps: they hold the sales role of the `sales` permission group, which reaches only their own deals. */
  salesIds: string[];
  salesRoleId: string;
  appId: string;
  formId: string;
  formVersion: number;
};

/** Credentials minted for one run (sessions and API keys are not cached with the database). */
export type Caller = { name: string; memberId: string; headers: Record<string, string> };

export type FormflowServer = {
  base: string;
  app: FastifyInstance;
  store: Store;
  ctx: ServerContext;
  close(): Promise<void>;
};

const SALES_REPS = 20;

function must<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/**
 * A workspace with an owner and 20 sales reps, the CRM app with its published deals form and the `sales`
 * permission group, all set up through the repositories (as apps/server/src/testing/api-test-server.ts does).
 */
export async function setUpCrm(store: Store): Promise<CrmSetup> {
  const ctx = createServerContext(store);
  const created = await ctx.auth.createWorkspaceWithOwner({
    workspaceName: '深圳华信科技',
    email: 'owner@bench.example.cn',
    password: 'correct horse battery staple',
    name: '王总',
  });
  if (!created.ok) throw new Error(`workspace setup failed: ${created.reason}`);
  const workspaceId = created.workspace.id;
  const ownerId = created.member.id;
  const role = ctx.directory.createRole({ workspaceId, name: '销售', actor: ownerId });
  if (!role.ok) throw new Error(`role setup failed: ${role.reason}`);
  const salesRoleId = role.role.id;
  const salesIds: string[] = [];
  for (let i = 0; i < SALES_REPS; i++) {
    const added = await ctx.auth.addMember({
      workspaceId,
      email: `sales${i}@bench.example.cn`,
      name: `销售${i}`,
      role: 'member',
    });
    if (!added.ok) throw new Error(`member setup failed: ${added.reason}`);
    salesIds.push(added.member.id);
    must(ctx.directory.setMemberRoles(workspaceId, added.member.id, [salesRoleId], ownerId), 'member roles');
  }
  const { permissionGroups, views, ...app } = crmApp(salesRoleId);
  const appCreated = must(
    ctx.apps.createApp({ workspaceId, definition: { ...app, permissionGroups: [] }, actor: ownerId }),
    'app setup',
  );
  const appId = appCreated.app.id;
  must(ctx.forms.createForm({ workspaceId, appId, definition: dealsForm, actor: ownerId }), 'form setup');
  const published = must(ctx.forms.publish({ workspaceId, formId: dealsForm.id, actor: ownerId }), 'publish');
  must(
    ctx.apps.updateApp({ workspaceId, appId, definition: { ...app, views, permissionGroups }, actor: ownerId }),
    'views and permission groups setup',
  );
  const formVersion = published.published.version;
  return { workspaceId, ownerId, salesIds, salesRoleId, appId, formId: dealsForm.id, formVersion };
}

/** The owner with an API key (`Authorization: Bearer ff_…`) and the first sales rep with a session cookie. */
export function mintCallers(store: Store, setup: CrmSetup): { ownerKey: Caller; ownerSession: Caller; rep: Caller } {
  const ctx = createServerContext(store);
  const key = ctx.auth.createApiKey({ workspaceId: setup.workspaceId, memberId: setup.ownerId, name: 'bench' });
  if (!key) throw new Error('API key setup failed');
  const session = (memberId: string): string => {
    const s = ctx.auth.createSession(setup.workspaceId, memberId);
    if (!s) throw new Error('session setup failed');
    return `ff_session=${s.token}`;
  };
  const repId = setup.salesIds[0]!;
  return {
    ownerKey: { name: 'owner, API key', memberId: setup.ownerId, headers: { authorization: `Bearer ${key.key}` } },
    ownerSession: { name: 'owner, session', memberId: setup.ownerId, headers: { cookie: session(setup.ownerId) } },
    rep: { name: 'sales rep (row filter), session', memberId: repId, headers: { cookie: session(repId) } },
  };
}

/** `buildServer` over an open store, listening on 127.0.0.1:0. The caller closes the store. */
export async function startFormflow(store: Store): Promise<FormflowServer> {
  const app = buildServer({ store });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base, app, store, ctx: createServerContext(store), close: () => app.close() };
}

/** The store as `formflow start` opens it: WAL checkpoints on a worker thread. */
export function openBenchStore(path: string): Store {
  return openStore({ path, checkpoints: 'server' });
}

/** The form of the like-for-like create contestant: the deals form under another id, in an app of its own. */
export const ONE_VIEW_FORM_ID = 'leads';

/**
 * A second app whose one view (a grid of one stage, in creation order) gives its form one index, as the bare
 * baseline has one: the create benchmark's like-for-like contestant. Call it before the server starts (the server
 * makes form indexes on start).
 */
export function setUpOneViewForm(store: Store, setup: CrmSetup): void {
  const ctx = createServerContext(store);
  const { workspaceId, ownerId } = setup;
  const app = { id: 'leadsApp', name: { 'zh-CN': '线索', en: 'Leads' } };
  must(ctx.apps.createApp({ workspaceId, definition: app, actor: ownerId }), 'one-view app setup');
  const definition = { ...dealsForm, id: ONE_VIEW_FORM_ID };
  must(ctx.forms.createForm({ workspaceId, appId: app.id, definition, actor: ownerId }), 'one-view form setup');
  must(ctx.forms.publish({ workspaceId, formId: ONE_VIEW_FORM_ID, actor: ownerId }), 'one-view publish');
  // A grid of one stage in creation order: its index is (stage key, id), like the baseline's index on the stage.
  const board: ViewDef = {
    id: 'won',
    formId: ONE_VIEW_FORM_ID,
    name: { 'zh-CN': '已赢单', en: 'Won' },
    type: 'grid',
    filter: { field: 'stage', op: 'eq', value: 'won' },
  };
  must(
    ctx.apps.updateApp({ workspaceId, appId: app.id, definition: { ...app, views: [board] }, actor: ownerId }),
    'one-view view setup',
  );
}

/** The `CREATE INDEX` statements the server made for one form's records (its IndexManager's `ffx_…` indexes). */
export function formIndexSql(store: Store, workspaceId: string, formId: string): string[] {
  const sqlOf = store.db.prepare<[string], string>('SELECT sql FROM sqlite_schema WHERE name = ?').pluck();
  return formIndexNames(store.db, workspaceId, formId).map((name) => sqlOf.get(name) ?? name);
}
