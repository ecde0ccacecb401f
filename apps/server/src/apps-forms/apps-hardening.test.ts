import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

let server: ApiTestServer;
let owner: TestSession;

const form: FormDef = {
  id: 'tickets',
  name: '工单',
  fields: [
    { id: 'title', type: 'text', label: '标题' },
    { id: 'qty', type: 'text', label: '数量' },
  ],
};
const VALID_FORM = JSON.stringify(form);

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  server.installApp(owner, { id: 'desk', name: 'Help desk', forms: [form] });
});
afterAll(async () => server.close());

/** Every row the app and form routes could write (apps, forms, versions, records, audit), as one string. */
function fingerprint(): string {
  const db = server.store.db;
  const all = (sql: string) => db.prepare(sql).all();
  return JSON.stringify([
    all('SELECT * FROM apps ORDER BY workspace_id, id'),
    all('SELECT * FROM forms ORDER BY workspace_id, id'),
    all('SELECT workspace_id, form_id, version FROM form_versions ORDER BY 1, 2, 3'),
    all('SELECT id, version, data FROM records ORDER BY id'),
    all('SELECT count(*) AS n FROM audit_log'),
  ]);
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Definition routes with a body, and the no-body POSTs (their body still goes through the strict parser). */
const ROUTES: [string, string][] = [
  ['POST', '/api/v1/apps'],
  ['PUT', '/api/v1/apps/desk'],
  ['POST', '/api/v1/apps/desk/forms'],
  ['PUT', '/api/v1/forms/tickets/draft'],
  ['POST', '/api/v1/forms/tickets/fields/qty/type-change'],
  ['POST', '/api/v1/forms/tickets/publish'],
  ['POST', '/api/v1/forms/tickets/fields/qty/delete'],
];

describe('app and form routes never answer 500 and write nothing on bad input', () => {
  const cases: [string, string, Record<string, string>, number, string | undefined][] = [
    ['malformed JSON', '{"id":', JSON_HEADERS, 400, 'INVALID_JSON'],
    ['trailing garbage', `${VALID_FORM} x`, JSON_HEADERS, 400, 'INVALID_JSON'],
    [
      'duplicate keys',
      VALID_FORM.replace('{"id":"tickets"', '{"id":"tickets","id":"other"'),
      JSON_HEADERS,
      400,
      'DUPLICATE_KEY',
    ],
    [
      '__proto__ key',
      VALID_FORM.replace('{"id":"tickets"', '{"__proto__":{"isAdmin":true},"id":"tickets"'),
      JSON_HEADERS,
      400,
      'FORBIDDEN_KEY',
    ],
    [
      'constructor.prototype',
      VALID_FORM.replace('{"id":"tickets"', '{"constructor":{"prototype":{"isAdmin":true}},"id":"tickets"'),
      JSON_HEADERS,
      400,
      'FORBIDDEN_KEY',
    ],
    ['nested 5,000 deep', `{"id":"tickets","fields":${deep(5000)}}`, JSON_HEADERS, 400, 'NESTING_TOO_DEEP'],
    ['NUL in a label', VALID_FORM.replace('标题', 'a\\u0000b'), JSON_HEADERS, 400, 'INVALID_CHARACTER'],
    ['lone surrogate', VALID_FORM.replace('标题', 'a\\ud800b'), JSON_HEADERS, 400, 'INVALID_CHARACTER'],
    ['text/plain', VALID_FORM, { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['oversized', JSON.stringify({ ...form, name: 'x'.repeat(2 * 1024 * 1024) }), JSON_HEADERS, 413, 'BODY_TOO_LARGE'],
  ];

  it.each(cases)('%s', async (_label, body, headers, status, code) => {
    const before = fingerprint();
    for (const [method, path] of ROUTES) {
      const response = await owner.request(method, path, body, headers);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/);
      if (code) expect(response.body.code, `${method} ${path}`).toBe(code);
      expect(response.text).not.toMatch(/node_modules|\.ts:\d+|SQLITE|stack/i);
    }
    expect(fingerprint()).toBe(before);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('wrong body types are 400 on the routes that take a body', async () => {
    const before = fingerprint();
    for (const body of ['[]', '"tickets"', '42', 'null', 'true']) {
      for (const [method, path] of ROUTES.slice(0, 5)) {
        const response = await owner.request(method, path, body, JSON_HEADERS);
        expect(response.status, `${method} ${path} ${body}`).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
    expect(fingerprint()).toBe(before);
  });

  it('unknown properties and wrong types inside definitions are 422 with every problem; nothing written', async () => {
    const before = fingerprint();
    const unknownProp = await owner.request('PUT', '/api/v1/forms/tickets/draft', { ...form, isAdmin: true });
    expect(unknownProp.status).toBe(422);
    expect(unknownProp.body.errors).toContainEqual(
      expect.objectContaining({ path: expect.stringContaining('isAdmin') }),
    );

    const several = await owner.request('PUT', '/api/v1/forms/tickets/draft', {
      ...form,
      name: 42,
      fields: [
        { id: 'title', type: 'text', label: '标题', required: 'yes' },
        { id: 'qty', type: 'text' },
      ],
    });
    expect(several.status).toBe(422);
    expect(several.body.code).toBe('INVALID_DEFINITION');
    expect(several.body.errors.length).toBeGreaterThanOrEqual(3);
    for (const e of several.body.errors)
      expect(e).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) });

    const badApp = await owner.request('POST', '/api/v1/apps', { id: 'x', name: 'x', forms: [form] });
    expect(badApp.status).toBe(422);
    expect(badApp.body.errors[0].code).toBe('FORMS_NOT_ALLOWED');
    const wrongId = await owner.request('PUT', '/api/v1/apps/desk', { id: 'other', name: 'x' });
    expect(wrongId.status).toBe(422);
    const injected = await owner.request('POST', '/api/v1/apps', { id: 'x"; DROP TABLE apps;--', name: 'x' });
    expect(injected.status).toBe(422);
    const rule = await owner.request('PUT', '/api/v1/forms/tickets/draft', {
      ...form,
      logic: [{ id: 'r', kind: 'visible', when: { var: 'constructor.constructor' }, fields: ['qty'] }],
    });
    expect(rule.status).toBe(422);
    const redos = await owner.request('PUT', '/api/v1/forms/tickets/draft', {
      ...form,
      fields: [{ id: 'title', type: 'text', label: '标题', settings: { pattern: '^(a+)+$' } }, form.fields[1]],
    });
    expect(redos.status).toBe(422);

    const typeChange = await owner.request('POST', '/api/v1/forms/tickets/fields/qty/type-change', {
      field: { id: 'qty', type: 'number', label: '数量' },
      strategy: 'dryRun',
      force: true,
    });
    expect(typeChange.status).toBe(400);
    expect(typeChange.body.code).toBe('UNKNOWN_PROPERTY');
    const badStrategy = await owner.request('POST', '/api/v1/forms/tickets/fields/qty/type-change', {
      field: { id: 'qty', type: 'number', label: '数量' },
      strategy: 'yolo',
    });
    expect(badStrategy.status).toBe(400);
    const fieldNotObject = await owner.request('POST', '/api/v1/forms/tickets/fields/qty/type-change', {
      field: 'number',
      strategy: 'keepOriginal',
    });
    expect(fieldNotObject.status).toBe(400);
    const badField = await owner.request('POST', '/api/v1/forms/tickets/fields/qty/type-change', {
      field: { id: 'qty', type: 'teleporter', label: '数量' },
      strategy: 'keepOriginal',
    });
    expect(badField.status).toBe(422);
    expect(fingerprint()).toBe(before);
  });

  it('hostile path parameters are 4xx problems', async () => {
    const before = fingerprint();
    for (const id of ['%00', '..%2f..%2fetc', "x'%20OR%201=1--", '__proto__', 'constructor']) {
      for (const path of [`/api/v1/forms/${id}`, `/api/v1/forms/${id}/draft`, `/api/v1/apps/${id}`]) {
        const response = await owner.request('GET', path);
        expect(response.status, path).toBeGreaterThanOrEqual(400);
        expect(response.status, path).toBeLessThan(500);
      }
      const field = await owner.request('POST', `/api/v1/forms/tickets/fields/${id}/delete`);
      expect(field.status, id).toBe(404);
    }
    expect((await owner.request('GET', '/api/v1/forms/tickets/versions/0')).status).toBe(400);
    expect((await owner.request('GET', '/api/v1/forms/tickets/versions/1.5')).status).toBe(400);
    expect(fingerprint()).toBe(before);
  });
});
