import { readFileSync } from 'node:fs';
import { checkAppDefinition } from '@formflow/engine';
import { localizeProblem, parseDefinitionJson } from '@formflow/schema';
import { buildServer } from '@formflow/server';

const USAGE = `formflow <command>

  start               start the Formflow server (FORMFLOW_HOST, default 127.0.0.1; FORMFLOW_PORT, default 3000)
  validate <app.json> check an app definition and print every problem with its path
`;

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'start') {
    const host = process.env.FORMFLOW_HOST ?? '127.0.0.1';
    const port = Number(process.env.FORMFLOW_PORT ?? 3000);
    const app = buildServer({ logger: false });
    const address = await app.listen({ host, port });
    out.write(`Formflow is running at ${address}\nHealth: ${address}/api/v1/health\n`);
    return -1;
  }
  if (command === 'validate' && args[0]) {
    const locale = (process.env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en';
    const parsed = parseDefinitionJson(readFileSync(args[0], 'utf8'));
    const problems = parsed.ok ? checkAppDefinition(parsed.value) : parsed.problems;
    for (const p of problems) err.write(`${p.path || '(root)'}: ${p.code}: ${localizeProblem(p, locale)}\n`);
    if (problems.length === 0) out.write(`${args[0]}: valid\n`);
    return problems.length === 0 ? 0 : 1;
  }
  err.write(USAGE);
  return 2;
}
