import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves the layering rules of eslint.config.js bite: the pure engine (and schema) get errors for Node built-ins,
 * React, server and storage imports, Node globals, eval/new Function; tests and the server may use Node.
 * Each case asserts the exact set of error rules, so an unrelated error cannot make a case pass.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ENGINE = 'packages/engine/src/x.ts';
const ENGINE_TEST = 'packages/engine/src/x.test.ts';
const SCHEMA = 'packages/schema/src/x.ts';
const SERVER = 'apps/server/src/x.ts';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

/** The rule ids of every error ESLint reports for `code` as if it were the file at `filePath`. */
async function errorRules(code: string, filePath: string): Promise<string[]> {
  expect(await eslint.isPathIgnored(filePath)).toBe(false);
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, 'parse errors').toEqual([]);
  return [...new Set(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? '(none)'))].sort();
}

const IMPORTS: Record<string, string> = {
  'node:fs': `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`,
  fs: `import { readFileSync } from 'fs';\nexport const read = readFileSync;\n`,
  'node:child_process': `import { spawn } from 'node:child_process';\nexport const run = spawn;\n`,
  react: `import { useState } from 'react';\nexport const hook = useState;\n`,
  fastify: `import { fastify } from 'fastify';\nexport const server = fastify;\n`,
  '@formflow/store': `import { openStore } from '@formflow/store';\nexport const store = openStore;\n`,
  '@formflow/server': `import { buildServer } from '@formflow/server';\nexport const server = buildServer;\n`,
  'better-sqlite3': `import Database from 'better-sqlite3';\nexport const db = Database;\n`,
};

const GLOBALS: Record<string, string> = {
  process: `export const env = process.env.FORMFLOW_PORT;\n`,
  Buffer: `export const bytes = Buffer.from('a');\n`,
};

const SYNTAX: Record<string, string> = {
  'eval(...)': `export const value = eval('1 + 1');\n`,
  'new Function(...)': `export const f = new Function('return 1');\n`,
  'export default': `const value = 1;\nexport default value;\n`,
};

describe('packages/engine/src (pure, isomorphic)', () => {
  for (const [name, code] of Object.entries(IMPORTS)) {
    it(`importing ${name} is an error`, async () => {
      expect(await errorRules(code, ENGINE)).toEqual(['no-restricted-imports']);
    });
  }
  for (const [name, code] of Object.entries(GLOBALS)) {
    it(`using the global ${name} is an error`, async () => {
      expect(await errorRules(code, ENGINE)).toEqual(['no-restricted-globals']);
    });
  }
  for (const [name, code] of Object.entries(SYNTAX)) {
    it(`${name} is an error`, async () => {
      expect(await errorRules(code, ENGINE)).toEqual(['no-restricted-syntax']);
    });
  }

  it('importing @formflow/schema and a relative module is allowed (control case)', async () => {
    const code = `import { formatPath } from '@formflow/schema';\nimport { a } from './a.js';\nexport const p = formatPath([a]);\n`;
    expect(await errorRules(code, ENGINE)).toEqual([]);
  });
});

describe('packages/schema/src (the root)', () => {
  it('importing any @formflow package is an error', async () => {
    const code = `import { checkAppDefinition } from '@formflow/engine';\nexport const check = checkAppDefinition;\n`;
    expect(await errorRules(code, SCHEMA)).toEqual(['no-restricted-imports']);
  });

  it('importing node:fs or using process is an error', async () => {
    expect(await errorRules(IMPORTS['node:fs'] as string, SCHEMA)).toEqual(['no-restricted-imports']);
    expect(await errorRules(GLOBALS.process as string, SCHEMA)).toEqual(['no-restricted-globals']);
  });
});

describe('where Node is allowed', () => {
  for (const name of ['node:fs', 'fs', 'node:child_process', '@formflow/store']) {
    it(`engine tests may import ${name}`, async () => {
      expect(await errorRules(IMPORTS[name] as string, ENGINE_TEST)).toEqual([]);
    });
  }

  it('engine tests may use process and Buffer', async () => {
    expect(await errorRules(`${GLOBALS.process}${GLOBALS.Buffer}`, ENGINE_TEST)).toEqual([]);
  });

  for (const name of ['node:fs', 'fastify', '@formflow/store']) {
    it(`apps/server may import ${name}`, async () => {
      expect(await errorRules(IMPORTS[name] as string, SERVER)).toEqual([]);
    });
  }

  it('apps/server may use process and Buffer', async () => {
    expect(await errorRules(`${GLOBALS.process}${GLOBALS.Buffer}`, SERVER)).toEqual([]);
  });
});

describe('rules that hold everywhere', () => {
  for (const filePath of [ENGINE_TEST, SERVER, 'packages/cli/src/x.ts']) {
    for (const [name, code] of Object.entries(SYNTAX)) {
      it(`${filePath}: ${name} is still an error`, async () => {
        expect(await errorRules(code, filePath)).toEqual(['no-restricted-syntax']);
      });
    }
  }
});
