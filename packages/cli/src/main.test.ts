import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleCrmApp } from '@formflow/schema/fixtures';
import { main, type TextSink } from './main.js';

/** A writable-like that collects what the CLI writes. */
class Collector implements TextSink {
  readonly chunks: string[] = [];
  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
  get lines(): string[] {
    return this.text.split('\n').filter((line) => line !== '');
  }
}

let dir: string;
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
};

async function run(argv: string[]): Promise<{ code: number; out: Collector; err: Collector }> {
  const out = new Collector();
  const err = new Collector();
  const code = await main(argv, out, err);
  return { code, out, err };
}

function invalidApp() {
  const bad = structuredClone(sampleCrmApp);
  const tier = bad.forms[0]?.fields[3];
  const logic = bad.forms[1]?.logic;
  if (tier?.id !== 'tier' || logic?.length !== 2) throw new Error('the sample app changed: update this test');
  tier.settings = {
    options: [
      { id: 'tierA', label: { en: 'A' } },
      { id: 'tierA', label: { en: 'B' } },
    ],
  };
  (logic[0] as { when: unknown }).when = { method: [{ var: 'title' }, 'toUpperCase'] };
  return bad;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'formflow-cli-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('formflow validate <file>', () => {
  it('exits 0 and prints "valid" for the sample CRM app', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const path = file('crm.json', JSON.stringify(sampleCrmApp, null, 2));
    const { code, out, err } = await run(['validate', path]);
    expect(code).toBe(0);
    expect(out.text).toBe(`${path}: valid\n`);
    expect(err.text).toBe('');
  });

  it('exits 1 and prints one `path: CODE: message` line per problem on stderr', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const { code, out, err } = await run(['validate', file('bad.json', JSON.stringify(invalidApp()))]);
    expect(code).toBe(1);
    expect(out.text).toBe('');
    expect(err.lines).toEqual([
      'forms[0].fields[3].settings.options[1].id: DUPLICATE_ID: duplicate option id "tierA"',
      'forms[1].logic[0].when: UNKNOWN_OPERATOR: unknown rule operator "method"',
    ]);
  });

  it('prints Chinese messages when LANG is zh_*', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    const { code, err } = await run(['validate', file('bad-zh.json', JSON.stringify(invalidApp()))]);
    expect(code).toBe(1);
    expect(err.lines[0]).toBe('forms[0].fields[3].settings.options[1].id: DUPLICATE_ID: 选项 id "tierA" 重复');
  });

  it('exits 1 with DUPLICATE_KEY for duplicate JSON keys (definitions reject them, RELIABILITY A5)', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const text = JSON.stringify(sampleCrmApp).replace(/^\{"id":"crm",/, '{"id":"a","id":"crm",');
    expect(text.startsWith('{"id":"a","id":"crm",')).toBe(true);
    const { code, out, err } = await run(['validate', file('dup.json', text)]);
    expect(code).toBe(1);
    expect(out.text).toBe('');
    expect(err.lines).toEqual(['id: DUPLICATE_KEY: duplicate key "id"']);
  });

  it('exits 1 with INVALID_JSON, line and column for malformed JSON; the root path prints as (root)', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const broken = await run(['validate', file('broken.json', '{\n  "id": "crm",\n')]);
    expect(broken.code).toBe(1);
    expect(broken.err.lines).toEqual([
      'id: INVALID_JSON: invalid JSON at line 3, column 1: unexpected end of text, expected a key',
    ]);
    const notJson = await run(['validate', file('not-json.json', 'nope')]);
    expect(notJson.code).toBe(1);
    expect(notJson.err.lines).toEqual([
      '(root): INVALID_JSON: invalid JSON at line 1, column 1: unexpected character "n"',
    ]);
  });

  it('exits 1 with a one-line message, not a stack trace, when the file cannot be read', async () => {
    const { code, out, err } = await run(['validate', join(dir, 'missing.json')]);
    expect(code).toBe(1);
    expect(out.text).toBe('');
    expect(err.text).toBe(`${join(dir, 'missing.json')}: cannot read the file (ENOENT)\n`);
  });
});

describe('usage', () => {
  for (const argv of [[], ['validate'], ['help'], ['--version'], ['valdate', 'x.json']]) {
    it(`formflow ${argv.join(' ')} → usage on stderr, exit 2`, async () => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(2);
      expect(out.text).toBe('');
      expect(err.text).toMatch(/^formflow <command>\n/);
      expect(err.text).toContain('validate <app.json>');
    });
  }

  it('start refuses a FORMFLOW_PORT that is not a port number (exit 2, no server)', async () => {
    vi.stubEnv('FORMFLOW_PORT', 'abc');
    const { code, out, err } = await run(['start']);
    expect(code).toBe(2);
    expect(out.text).toBe('');
    expect(err.text).toContain('FORMFLOW_PORT must be a port number');
  });
});
