import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '@formflow/store';
import { SESSION_COOKIE } from '../../auth/resolve-actor.js';
import { buildServer } from '../../build-server.js';
import { createServerContext } from '../../context/create-server-context.js';

/**
 * The real server over an existing SQLite file and data folder (what a restart does), with a session for a member.
 * Test support for the restart policy; `startApiServer` always makes a fresh database.
 */
export async function startServerOn(dbPath: string, dataDir: string) {
  const store: Store = openStore({ path: dbPath });
  const app: FastifyInstance = buildServer({ store, dataDir });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const ctx = createServerContext(store, { dataDir });
  return {
    base,
    store,
    ctx,
    async get(path: string, workspaceId: string, memberId: string) {
      const session = ctx.auth.createSession(workspaceId, memberId);
      if (!session) throw new Error('session setup failed');
      const response = await fetch(`${base}${path}`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async close() {
      await app.close();
      store.close();
    },
  };
}
