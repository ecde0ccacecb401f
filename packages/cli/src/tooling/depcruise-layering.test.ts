import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves .dependency-cruiser.cjs bites, by running the real depcruise CLI on a throw-away folder inside
 * packages/engine/src. The fixture files are `.js` so that a concurrent `tsc`, ESLint or vitest run of the engine
 * by someone else never picks them up; the folder is removed in afterAll, pass or fail.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURE = `packages/engine/src/__depcruise_fixture_${process.pid}__`;
const DEPCRUISE = join(REPO_ROOT, 'node_modules/.bin/depcruise');

type Violation = {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: { name: string }[];
};
/** `violations` from the JSON reporter; `status` and `text` from the default reporter, as `pnpm lint` runs it. */
type CruiseResult = { violations: Violation[]; status: number | null; text: string };

function depcruise(args: string[]) {
  const run = spawnSync(DEPCRUISE, ['--config', '.dependency-cruiser.cjs', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run;
}

function cruise(dir: string): CruiseResult {
  const json = depcruise(['--output-type', 'json', dir]);
  const output = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  const lint = depcruise([dir]);
  return { violations: output.summary.violations, status: lint.status, text: lint.stdout + lint.stderr };
}

const rulesFrom = (result: CruiseResult, file: string): string[] =>
  [...new Set(result.violations.filter((v) => v.from === `${FIXTURE}/${file}`).map((v) => v.rule.name))].sort();

const write = (file: string, text: string) => writeFileSync(join(REPO_ROOT, FIXTURE, file), text, 'utf8');

beforeAll(() => {
  try {
    mkdirSync(join(REPO_ROOT, FIXTURE, 'cycle'), { recursive: true });
    mkdirSync(join(REPO_ROOT, FIXTURE, 'builtin'), { recursive: true });
    mkdirSync(join(REPO_ROOT, FIXTURE, 'clean'), { recursive: true });
    write('cycle/a.js', `import { b } from './b.js';\nexport const a = () => b();\n`);
    write('cycle/b.js', `import { a } from './a.js';\nexport const b = () => a();\n`);
    write('builtin/reads-disk.js', `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`);
    write('clean/leaf.js', `export const leaf = 1;\n`);
    write('clean/uses-leaf.js', `import { leaf } from './leaf.js';\nexport const twice = leaf * 2;\n`);
  } catch (error) {
    rmSync(join(REPO_ROOT, FIXTURE), { recursive: true, force: true });
    throw error;
  }
}, 60_000);

afterAll(() => {
  rmSync(join(REPO_ROOT, FIXTURE), { recursive: true, force: true });
});

describe('dependency-cruiser layering rules', () => {
  it('two engine files that import each other → no-circular, and a non-zero exit', () => {
    const result = cruise(`${FIXTURE}/cycle`);
    expect(result.violations.map((v) => [v.rule.name, v.rule.severity])).toEqual([['no-circular', 'error']]);
    const cycle = result.violations[0]?.cycle?.map((step) => step.name).sort();
    expect(cycle).toEqual([`${FIXTURE}/cycle/a.js`, `${FIXTURE}/cycle/b.js`]);
    expect(result.status).not.toBe(0);
    expect(result.text).toContain('error no-circular:');
  }, 60_000);

  it('engine source importing node:fs → engine-no-node-builtins, and a non-zero exit', () => {
    const result = cruise(`${FIXTURE}/builtin`);
    expect(rulesFrom(result, 'builtin/reads-disk.js')).toEqual(['engine-no-node-builtins']);
    expect(result.violations.find((v) => v.rule.name === 'engine-no-node-builtins')?.to).toMatch(/^(node:)?fs$/);
    expect(result.status).not.toBe(0);
    expect(result.text).toContain(`error engine-no-node-builtins: ${FIXTURE}/builtin/reads-disk.js`);
  }, 60_000);

  it('clean engine files (no cycle, no built-in) → no violations and exit 0 (control case)', () => {
    const result = cruise(`${FIXTURE}/clean`);
    expect(result.violations).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);
});
