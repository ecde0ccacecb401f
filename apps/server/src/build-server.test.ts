import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCrmApp } from '@formflow/schema/fixtures';
import { buildServer } from './build-server.js';

/**
 * Integration tests against a real server on a random port, over real HTTP (`fetch`), never `app.inject`.
 * RELIABILITY group A: A1 malformed JSON, A2 oversized body, A3 deep nesting, A4 prototype pollution, A5 parser quirks.
 */

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: { path: string; code: string; message: string }[];
};

const VALIDATE = '/api/v1/definitions/validate';
/** A route added by the tests only: it exercises the root JSON parser that future record routes inherit. */
const ECHO = '/__test__/echo';
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = buildServer();
  app.post(ECHO, async (request) => ({ received: request.body === null ? 'null' : typeof request.body }));
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
});

type Sent = { status: number; contentType: string; text: string };

async function send(
  path: string,
  body: string | Uint8Array | undefined,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  method = 'POST',
): Promise<Sent> {
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

function problemOf(sent: Sent): ProblemBody {
  expect(sent.contentType).toMatch(/^application\/problem\+json\b/);
  const problem = JSON.parse(sent.text) as ProblemBody;
  expect(problem.status).toBe(sent.status);
  expect(problem.type).toBe('about:blank');
  expect(typeof problem.title).toBe('string');
  return problem;
}

/** No stack frames, source paths or module names in an error body (A1: nothing internal leaks). */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d|\.js:\d|Error:/);
  expect(text).not.toContain(REPO_ROOT);
  expect(text).not.toContain('/work/');
}

const option = (id: string) => ({ id, label: { 'zh-CN': `选项 ${id}`, en: `Option ${id}` } });

/** The sample CRM app with three problems: a duplicate option id, a `method` rule, and a `__proto__.x` rule var. */
function invalidDefinition() {
  const bad = structuredClone(sampleCrmApp);
  const tier = bad.forms[0]?.fields[3];
  const logic = bad.forms[1]?.logic;
  if (tier?.id !== 'tier' || logic?.length !== 2) throw new Error('the sample app changed: update this test');
  tier.settings = { options: [option('tierA'), option('tierA')] };
  (logic[0] as { when: unknown }).when = { method: [{ var: 'title' }, 'toUpperCase'] };
  (logic[1] as { when: unknown }).when = { '==': [{ var: '__proto__.x' }, 1] };
  return bad;
}

const EXPECTED_PROBLEMS = [
  { path: 'forms[0].fields[3].settings.options[1].id', code: 'DUPLICATE_ID' },
  { path: 'forms[1].logic[0].when', code: 'UNKNOWN_OPERATOR' },
  { path: 'forms[1].logic[1].when["=="][0].var', code: 'FORBIDDEN_KEY' },
];

/** An ~800 KB object nested 100,000 deep: under the 1 MiB limit, far over any depth limit (A3). */
const DEEP_OBJECT = `${'{"abc":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
const DEEP_ARRAY = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

describe('GET /api/v1/health', () => {
  it('answers 200 {status: ok}', async () => {
    const sent = await send('/api/v1/health', undefined, {}, 'GET');
    expect(sent.status).toBe(200);
    expect(sent.contentType).toMatch(/^application\/json\b/);
    expect(JSON.parse(sent.text)).toEqual({ status: 'ok' });
  });
});

describe('POST /api/v1/definitions/validate', () => {
  it('accepts the sample CRM app: 200 {valid: true}', async () => {
    const sent = await send(VALIDATE, JSON.stringify(sampleCrmApp));
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.text)).toEqual({ valid: true });
  });

  it('answers an invalid definition with 422 problem+json listing path, code and message of every problem', async () => {
    const sent = await send(VALIDATE, JSON.stringify(invalidDefinition()));
    expect(sent.status).toBe(422);
    const problem = problemOf(sent);
    expect(problem.code).toBe('INVALID_DEFINITION');
    const errors = problem.errors ?? [];
    expect(errors.map(({ path, code }) => ({ path, code }))).toEqual(EXPECTED_PROBLEMS);
    for (const error of errors) {
      expect(Object.keys(error).sort()).toEqual(['code', 'message', 'path']);
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('localises messages by Accept-Language: zh-CN gives Chinese, en gives English, with the same codes', async () => {
    const body = JSON.stringify(invalidDefinition());
    const zh = problemOf(
      await send(VALIDATE, body, { 'content-type': 'application/json', 'accept-language': 'zh-CN' }),
    );
    const en = problemOf(await send(VALIDATE, body, { 'content-type': 'application/json', 'accept-language': 'en' }));
    const han = /[\u4e00-\u9fff]/;
    expect(zh.errors?.map((e) => e.code)).toEqual(en.errors?.map((e) => e.code));
    expect(zh.errors?.length).toBe(EXPECTED_PROBLEMS.length);
    for (const error of zh.errors ?? []) expect(error.message).toMatch(han);
    for (const error of en.errors ?? []) expect(error.message).not.toMatch(han);
    expect(en.errors?.[0]?.message).toContain('duplicate option id');
    expect(zh.errors?.[0]?.message).toContain('重复');
  });

  it('rejects duplicate JSON keys in a definition with 400 DUPLICATE_KEY (A5), not "last key wins"', async () => {
    const text = JSON.stringify(sampleCrmApp).replace(/^\{"id":"crm",/, '{"id":"a","id":"crm",');
    expect(text).toContain('"id":"a","id":"crm"');
    const sent = await send(VALIDATE, text, { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(sent.status).toBe(400);
    const problem = problemOf(sent);
    expect(problem.code).toBe('DUPLICATE_KEY');
    expect(problem.errors).toEqual([{ path: 'id', code: 'DUPLICATE_KEY', message: 'duplicate key "id"' }]);
  });

  it('reports a duplicate key nested deep in the definition with its path', async () => {
    const text = JSON.stringify(sampleCrmApp).replace('"type":"kanban",', '"type":"kanban","type":"grid",');
    const problem = problemOf(await send(VALIDATE, text));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['views[0].type', 'DUPLICATE_KEY']]);
  });
});

describe('RELIABILITY A1: malformed JSON', () => {
  for (const [name, path] of [
    ['definitions parser', VALIDATE],
    ['default parser', ECHO],
  ] as const) {
    for (const text of ['{"a":', '{"a":1} x']) {
      it(`${name}: ${text} → 400 INVALID_JSON problem+json without internals`, async () => {
        const sent = await send(path, text);
        expect(sent.status).toBe(400);
        expect(problemOf(sent).code).toBe('INVALID_JSON');
        expectNoInternals(sent.text);
      });
    }
  }

  it('the definitions parser says where the JSON breaks', async () => {
    const problem = problemOf(await send(VALIDATE, '{\n  "a":'));
    expect(problem.errors?.[0]?.message).toMatch(/line 2, column 7/);
  });
});

describe('RELIABILITY A2: oversized body', () => {
  const twoMiB = JSON.stringify({ id: 'x'.repeat(2 * 1024 * 1024) });
  for (const path of [VALIDATE, ECHO]) {
    it(`${path}: a 2 MiB body → 413 BODY_TOO_LARGE`, async () => {
      const sent = await send(path, twoMiB);
      expect(sent.status).toBe(413);
      expect(problemOf(sent).code).toBe('BODY_TOO_LARGE');
    });
  }

  it('a body just under the 1 MiB limit is read (the limit is not lower than documented)', async () => {
    const sent = await send(ECHO, JSON.stringify({ id: 'x'.repeat(1024 * 1024 - 100) }));
    expect(sent.status).toBe(200);
  });
});

describe('RELIABILITY A3: deep nesting', () => {
  it('an ~800 KB body nested 100,000 deep → 400 NESTING_TOO_DEEP on the definitions route, never 500', async () => {
    for (const text of [DEEP_OBJECT, DEEP_ARRAY]) {
      expect(text.length).toBeLessThan(1024 * 1024);
      const sent = await send(VALIDATE, text);
      expect(sent.status).toBe(400);
      expect(problemOf(sent).code).toBe('NESTING_TOO_DEEP');
    }
    expect(DEEP_OBJECT.length).toBeGreaterThan(750_000);
  });

  it('the server stays up afterwards', async () => {
    expect((await send('/api/v1/health', undefined, {}, 'GET')).status).toBe(200);
  });
});

describe('RELIABILITY A4: prototype pollution', () => {
  const poisons = ['{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}'];
  for (const path of [VALIDATE, ECHO]) {
    for (const text of poisons) {
      it(`${path}: ${text} → 400 and Object.prototype untouched`, async () => {
        const sent = await send(path, text);
        expect(sent.status).toBe(400);
        problemOf(sent);
        expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
      });
    }
  }

  it('the definitions route names the forbidden key', async () => {
    const problem = problemOf(await send(VALIDATE, poisons[0] as string));
    expect(problem.errors).toEqual([expect.objectContaining({ path: '__proto__', code: 'FORBIDDEN_KEY' })]);
  });
});

describe('RELIABILITY A5: parser quirks', () => {
  for (const path of [VALIDATE, ECHO]) {
    it(`${path}: a text/plain body → 415 UNSUPPORTED_MEDIA_TYPE (closes CSRF simple requests)`, async () => {
      const sent = await send(path, JSON.stringify(sampleCrmApp), { 'content-type': 'text/plain' });
      expect(sent.status).toBe(415);
      expect(problemOf(sent).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  }

  it('other routes keep the default parser: duplicate keys are accepted there (last wins)', async () => {
    const sent = await send(ECHO, '{"status":"open","status":"closed"}');
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.text)).toEqual({ received: 'object' });
  });
});

describe('unknown routes', () => {
  it('GET /api/v1/nope → 404 problem+json NOT_FOUND', async () => {
    const sent = await send('/api/v1/nope', undefined, {}, 'GET');
    expect(sent.status).toBe(404);
    const problem = problemOf(sent);
    expect(problem.code).toBe('NOT_FOUND');
    expect(problem.detail).toBe('no route GET /api/v1/nope');
  });
});

describe('bad-input sweep: every answer is 4xx problem+json, never 500', () => {
  const json = { 'content-type': 'application/json' };
  const inputs: { name: string; body: string | Uint8Array | undefined; headers: Record<string, string> }[] = [
    { name: 'no body', body: undefined, headers: {} },
    { name: 'empty JSON body', body: '', headers: json },
    { name: 'null', body: 'null', headers: json },
    { name: '[]', body: '[]', headers: json },
    { name: '"x"', body: '"x"', headers: json },
    { name: '123', body: '123', headers: json },
    { name: '{}', body: '{}', headers: json },
    { name: 'deep object', body: DEEP_OBJECT, headers: json },
    { name: 'deep array', body: DEEP_ARRAY, headers: json },
    { name: 'huge string under the limit', body: JSON.stringify({ id: 'x'.repeat(900_000) }), headers: json },
    { name: 'huge string over the limit', body: JSON.stringify({ id: 'x'.repeat(3_000_000) }), headers: json },
    { name: 'lone surrogate', body: '{"id":"a\\ud800b"}', headers: json },
    { name: 'text/plain', body: '{}', headers: { 'content-type': 'text/plain' } },
    { name: 'form-urlencoded', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { name: 'xml', body: '<a/>', headers: { 'content-type': 'application/xml' } },
    { name: 'no content type', body: new TextEncoder().encode('{}'), headers: {} },
    { name: 'bogus content type', body: '{}', headers: { 'content-type': ';;;' } },
  ];
  const routes = [
    { method: 'POST', path: VALIDATE },
    { method: 'POST', path: '/api/v1/health' },
    { method: 'PUT', path: VALIDATE },
    { method: 'DELETE', path: '/api/v1/health' },
  ];
  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      const answers: string[] = [];
      for (const input of inputs) {
        const sent = await send(route.path, input.body, input.headers, route.method);
        answers.push(`${input.name}: ${sent.status} ${sent.contentType}`);
        expect(sent.status, input.name).toBeGreaterThanOrEqual(400);
        expect(sent.status, input.name).toBeLessThan(500);
        problemOf(sent);
        expectNoInternals(sent.text);
      }
      expect(answers).toHaveLength(inputs.length);
    });
  }

  it('the default-parser route never answers 5xx either, and the server is still up', async () => {
    for (const input of inputs) {
      const sent = await send(ECHO, input.body, input.headers);
      expect(sent.status, input.name).toBeLessThan(500);
    }
    expect((await send('/api/v1/health', undefined, {}, 'GET')).status).toBe(200);
  });
});
