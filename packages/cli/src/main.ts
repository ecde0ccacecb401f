import { readFileSync } from 'node:fs';
import { checkAppDefinition } from '@formflow/engine';
import { localizeProblem, parseDefinitionJson } from '@formflow/schema';
import { buildServer } from '@formflow/server';

const USAGE = `formflow <command>

  start               start the Formflow server (FORMFLOW_HOST, default 127.0.0.1; FORMFLOW_PORT, default 3000)
  validate <app.json> check an app definition and print every problem with its path
`;

/** Where the CLI writes: `process.stdout`/`process.stderr`, or any object with `write` (tests pass collectors). */
export type TextSink = { write(text: string): unknown };

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
    const app = buildServer({ logger: false });
    const address = await app.listen({ host, port });
    out.write(`Formflow is running at ${address}\nHealth: ${address}/api/v1/health\n`);
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
  err.write(USAGE);
  return 2;
}
