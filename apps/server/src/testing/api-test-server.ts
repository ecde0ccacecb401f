import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store, type WorkspaceRole, type WriterLock } from '@formflow/store';
import type { AppDef, FormDef } from '@formflow/schema';
import { SESSION_COOKIE } from '../auth/resolve-actor.js';
import { buildServer } from '../build-server.js';
import { createServerContext } from '../context/create-server-context.js';
import type { ServerContext } from '../context/server-context.js';

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string };

/** A signed-in caller: sends requests with its session cookie. */
export type TestSession = {
  workspaceId: string;
  memberId: string;
  cookie: string;
  // Test support: bodies are checked by the tests' assertions, so the default is loose on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
};

export type ApiTestServer = {
  base: string;
  app: FastifyInstance;
  store: Store;
  /** Repositories over the same database, for fast setup that bypasses HTTP (the server sees the same rows). */
  ctx: ServerContext;
  dataDir: string;
  owner: TestSession;
  /** The owner's sign-in, for tests that log in through the UI. */
  ownerLogin: { email: string; password: string };
  /** An anonymous caller (no cookie). */
  anonymous: TestSession;
  /** A new member of the owner's workspace (or `workspaceId`), with departments and roles assigned. */
  addMember(options?: {
    role?: WorkspaceRole;
    name?: string;
    departmentIds?: string[];
    roleIds?: string[];
    workspaceId?: string;
  }): Promise<TestSession>;
  /** A second tenant with its own owner. */
  addWorkspace(name?: string): Promise<TestSession>;
  /** Creates an app with these forms (published) through the repositories; returns the app id. */
  installApp(session: TestSession, app: Omit<AppDef, 'forms'> & { forms?: FormDef[] }): string;
  close(): Promise<void>;
};

let emailCounter = 0;

function sessionFor(base: string, workspaceId: string, memberId: string, token: string | null): TestSession {
  const cookie = token ? `${SESSION_COOKIE}=${token}` : '';
  return {
    workspaceId,
    memberId,
    cookie,
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...(cookie ? { cookie } : {}), ...headers } };
      if (body !== undefined) {
        if (typeof body === 'string' || body instanceof Uint8Array || body instanceof FormData)
          init.body = body as never;
        else {
          init.body = JSON.stringify(body);
          (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
        }
      }
      const response = await fetch(`${base}${path}`, init);
      const text = await response.text();
      let parsed: unknown = text;
      if (/json/.test(response.headers.get('content-type') ?? '') && text.length > 0) parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, body: parsed as never, text };
    },
  };
}

/**
 * The real server on 127.0.0.1:0 over a real SQLite file in a temp dir, with an owner signed in. Sessions are minted
 * through the auth repository (skipping scrypt) so suites stay fast; login itself is tested in auth's own suite.
 */
export async function startApiServer(
  options: { now?: () => Date; webRoot?: string; writerLock?: WriterLock } = {},
): Promise<ApiTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'formflow-api-'));
  const store = openStore({ path: join(dir, 'formflow.db'), ...(options.now ? { now: options.now } : {}) });
  const dataDir = join(dir, 'data');
  const app = buildServer({
    store,
    dataDir,
    ...(options.now ? { now: options.now } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.writerLock ? { writerLock: options.writerLock } : {}),
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const ctx = createServerContext(store, { dataDir, now: options.now });

  const password = 'correct horse battery staple';
  let ownerEmail = '';
  const newWorkspace = async (name: string) => {
    emailCounter += 1;
    const email = `owner${String(emailCounter)}@example.com`;
    ownerEmail ||= email;
    const created = await ctx.auth.createWorkspaceWithOwner({ workspaceName: name, email, password });
    if (!created.ok) throw new Error(`workspace setup failed: ${created.reason}`);
    const session = ctx.auth.createSession(created.workspace.id, created.member.id);
    if (!session) throw new Error('session setup failed');
    return sessionFor(base, created.workspace.id, created.member.id, session.token);
  };
  const owner = await newWorkspace('Acme 测试');

  return {
    base,
    app,
    store,
    ctx,
    dataDir,
    owner,
    ownerLogin: { email: ownerEmail, password },
    anonymous: sessionFor(base, owner.workspaceId, '', null),
    async addMember(o = {}) {
      emailCounter += 1;
      const workspaceId = o.workspaceId ?? owner.workspaceId;
      const added = await ctx.auth.addMember({
        workspaceId,
        email: `member${String(emailCounter)}@example.com`,
        name: o.name ?? `Member ${String(emailCounter)}`,
        role: o.role ?? 'member',
      });
      if (!added.ok) throw new Error(`member setup failed: ${added.reason}`);
      if (o.departmentIds) ctx.directory.setMemberDepartments(workspaceId, added.member.id, o.departmentIds);
      if (o.roleIds) ctx.directory.setMemberRoles(workspaceId, added.member.id, o.roleIds);
      const session = ctx.auth.createSession(workspaceId, added.member.id);
      if (!session) throw new Error('session setup failed');
      return sessionFor(base, workspaceId, added.member.id, session.token);
    },
    addWorkspace: (name = 'Other tenant') => newWorkspace(name),
    installApp(session, definition) {
      const { forms = [], ...rest } = definition;
      const created = ctx.apps.createApp({
        workspaceId: session.workspaceId,
        definition: { ...rest, permissionGroups: [] },
        actor: session.memberId,
      });
      if (!created.ok) throw new Error(`app setup failed: ${JSON.stringify(created)}`);
      for (const form of forms) {
        const made = ctx.forms.createForm({
          workspaceId: session.workspaceId,
          appId: created.app.id,
          definition: form,
          actor: session.memberId,
        });
        if (!made.ok) throw new Error(`form setup failed: ${JSON.stringify(made)}`);
        const published = ctx.forms.publish({
          workspaceId: session.workspaceId,
          formId: form.id,
          actor: session.memberId,
        });
        if (!published.ok) throw new Error(`publish failed: ${JSON.stringify(published)}`);
      }
      // Permission groups may name the forms: set them once the forms exist.
      if (rest.permissionGroups?.length) {
        const updated = ctx.apps.updateApp({
          workspaceId: session.workspaceId,
          appId: created.app.id,
          definition: rest,
          actor: session.memberId,
        });
        if (!updated.ok) throw new Error(`permission groups setup failed: ${JSON.stringify(updated)}`);
      }
      return created.app.id;
    },
    async close() {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
