import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { AuthRepository, openStore, type Store } from '@formflow/store';
import { registerAuth, type AuthOptions } from '../register-auth.js';
import { requireActor } from '../require-actor.js';

export type AuthTestServer = {
  app: FastifyInstance;
  store: Store;
  auth: AuthRepository;
  base: string;
  close(): Promise<void>;
};

/**
 * A real server on 127.0.0.1:0 with a real SQLite store in a temp dir: Fastify + `registerAuth` + a test route
 * `GET /api/v1/test/protected` (any actor) and `GET /api/v1/test/admin` (owner or admin).
 */
export async function startAuthServer(options: Partial<AuthOptions> = {}): Promise<AuthTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'formflow-auth-'));
  const store = openStore({ path: join(dir, 'app.db') });
  const app = Fastify();
  registerAuth(app, { store, ...options });
  app.get('/api/v1/test/protected', { preHandler: requireActor() }, async (request) => ({ actor: request.actor }));
  app.get('/api/v1/test/admin', { preHandler: requireActor(['owner', 'admin']) }, async () => ({ ok: true }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    auth: new AuthRepository(store.db),
    base: address,
    close: async () => {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` part of a response's Set-Cookie, for sending back as `Cookie`. */
export function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
