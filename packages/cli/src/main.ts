import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAppDefinition } from '@formflow/engine';
import { localizeProblem, parseDefinitionJson } from '@formflow/schema';
import { buildServer, ensureOwner } from '@formflow/server';
import { backupCommand, dataDir, openDataStore, restoreCommand } from './data-commands.js';
import type { TextSink } from './text-sink.js';

const USAGE = `formflow <command>

  start                          start the server (FORMFLOW_HOST, default 127.0.0.1; FORMFLOW_PORT, default 3000;
                                 FORMFLOW_DATA_DIR, default ./data; FORMFLOW_SYNCHRONOUS=FULL for FULL durability)
  validate <app.json>            check an app definition and print every problem with its path
  backup <file>                  online backup of the data folder's database into a new file
  restore <file> <new-data-dir>  check a backup and make it the database of a new data folder
`;

export type { TextSink } from './text-sink.js';

/** The built web app: FORMFLOW_WEB_ROOT, else apps/web/dist of this checkout when it was built (`pnpm start` builds it). */
function webRoot(): string | undefined {
  const root = process.env.FORMFLOW_WEB_ROOT ?? fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/** Runs one CLI command; returns the process exit code (-1 while `start` keeps the server running). */
export async function main(
  argv: readonly string[],
  out: TextSink = process.stdout,
  err: TextSink = process.stderr,
): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'start') {
    const host = process.env.FORMFLOW_HOST ?? '127.0.0.1';
    const port = Number(process.env.FORMFLOW_PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      err.write(`FORMFLOW_PORT must be a port number from 0 to 65535, got "${process.env.FORMFLOW_PORT}"\n`);
      return 2;
    }
    // The server copies the WAL back on a worker thread, off the request path (packages/store, StoreOptions).
    const store = openDataStore(dataDir(), { checkpoints: 'server' });
    const owner = await ensureOwner(store, {
      email: process.env.FORMFLOW_ADMIN_EMAIL,
      password: process.env.FORMFLOW_ADMIN_PASSWORD,
    });
    const app = buildServer({
      logger: false,
      store,
      dataDir: dataDir(),
      secureCookies: process.env.FORMFLOW_SECURE_COOKIES === 'true',
      webRoot: webRoot(),
    });
    const stop = async () => {
      await app.close();
      store.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const address = await app.listen({ host, port });
    out.write(
      `Formflow is running at ${address}\n${webRoot() ? '' : 'Web app not built (API only): run pnpm --filter @formflow/web build\n'}API docs: ${address}/api/v1/docs\nHealth: ${address}/api/v1/health\nData: ${store.path}\n`,
    );
    if (owner.created) {
      out.write(
        `First start: created the owner ${owner.email}; sign in at ${address}/login (or POST ${address}/api/v1/auth/login)\n`,
      );
      if (owner.generatedPassword) out.write(`Generated password (shown once): ${owner.generatedPassword}\n`);
    }
    return -1;
  }
  if (command === 'validate' && args[0]) {
    const locale = (process.env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en';
    let text: string;
    try {
      text = readFileSync(args[0], 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      err.write(`${args[0]}: cannot read the file${typeof code === 'string' ? ` (${code})` : ''}\n`);
      return 1;
    }
    const parsed = parseDefinitionJson(text);
    const problems = parsed.ok ? checkAppDefinition(parsed.value) : parsed.problems;
    for (const p of problems) err.write(`${p.path || '(root)'}: ${p.code}: ${localizeProblem(p, locale)}\n`);
    if (problems.length === 0) out.write(`${args[0]}: valid\n`);
    return problems.length === 0 ? 0 : 1;
  }
  if (command === 'backup') return backupCommand(args[0], out, err);
  if (command === 'restore') return restoreCommand(args[0], args[1], out, err);
  err.write(USAGE);
  return 2;
}
