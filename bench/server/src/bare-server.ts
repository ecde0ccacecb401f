import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';

export type BareServer = { base: string; app: FastifyInstance; close(): Promise<void> };

/** WAL + synchronous=NORMAL: the settings Formflow's store runs with (DESIGN §6). */
export function openBareDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * The create baseline: a bare Fastify route that stores the JSON body as it came, with one prepared statement into
 * `records (id INTEGER PRIMARY KEY, data TEXT)` carrying one expression index (on the stage), and answers 201 with
 * the id and the data. No auth, no validation, no history, no outbox: the ceiling a write over HTTP can reach on
 * this machine with this stack.
 */
export async function startBareCreateServer(path: string): Promise<BareServer & { count(): number }> {
  const db = openBareDatabase(path);
  db.exec(`CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY, data TEXT NOT NULL)`);
  db.exec(`CREATE INDEX IF NOT EXISTS records_by_stage ON records (json_extract(data, '$.stage'))`);
  const insert = db.prepare('INSERT INTO records (data) VALUES (?)');
  const app = Fastify({ logger: false });
  app.post('/records', async (request, reply) => {
    const { lastInsertRowid } = insert.run(JSON.stringify(request.body));
    reply.code(201);
    return { id: Number(lastInsertRowid), data: request.body };
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base,
    app,
    count: () => (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n,
    async close() {
      await app.close();
      db.close();
    },
  };
}

/**
 * The query baseline over HTTP: bare Fastify routes that each run one fixed statement (no auth, no permissions, no
 * filter compilation) and answer its rows as JSON, `data` parsed as an API would. Each route is
 * `POST /q/<name>` with the statement's parameters as the JSON array body.
 */
export async function startBareQueryServer(
  routes: Record<string, (params: unknown[]) => unknown>,
): Promise<BareServer> {
  const app = Fastify({ logger: false });
  for (const [name, run] of Object.entries(routes)) {
    app.post(`/q/${name}`, async (request) => run(request.body as unknown[]));
  }
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base, app, close: () => app.close() };
}
