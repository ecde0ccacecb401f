import { describe, expect, it } from 'vitest';
import { parseDefinitionJson } from './parse-definition-json.js';

describe('parseDefinitionJson', () => {
  it('parses valid JSON', () => {
    expect(parseDefinitionJson(' {"a":[1,-2.5e3,"x\\u0041",true,false,null,{}],"b":[]} ')).toEqual({
      ok: true,
      value: { a: [1, -2500, 'xA', true, false, null, {}], b: [] },
    });
    expect(parseDefinitionJson('\uFEFF"x"')).toEqual({ ok: true, value: 'x' });
  });

  it('rejects duplicate keys with their path, escapes included', () => {
    const result = parseDefinitionJson('{"forms":[{"id":"a","fields":[{"id":"x","id":"y"}]}],"n":1,"\\u006e":2}');
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { path: 'forms[0].fields[0].id', code: 'DUPLICATE_KEY', params: { key: 'id' } },
        { path: 'n', code: 'DUPLICATE_KEY' },
      ],
    });
    expect(parseDefinitionJson('{"status":"open","status":"closed"}')).toMatchObject({
      ok: false,
      problems: [{ path: 'status', code: 'DUPLICATE_KEY', message: 'duplicate key "status"' }],
    });
  });

  it('reports invalid JSON with line and column', () => {
    expect(parseDefinitionJson('{"a":')).toMatchObject({
      ok: false,
      problems: [{ code: 'INVALID_JSON', params: { line: 1, column: 6, reason: 'unexpected end of text' } }],
    });
    expect(parseDefinitionJson('{"a":1} x')).toMatchObject({ ok: false, problems: [{ code: 'INVALID_JSON' }] });
    expect(parseDefinitionJson('{\n  "a": [1,\n  2,]\n}')).toMatchObject({
      ok: false,
      problems: [{ path: 'a[2]', code: 'INVALID_JSON', params: { line: 3, column: 5 } }],
    });
    for (const bad of ['', '{a:1}', '[01]', '"\u0001"', '"\\x"', '{"a" 1}', '[1 2]', 'tru', '{"a":1,}', '"abc']) {
      expect(parseDefinitionJson(bad).ok, bad).toBe(false);
    }
  });

  it('checks depth before parsing: 100,000 levels give NESTING_TOO_DEEP', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseDefinitionJson(text);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'NESTING_TOO_DEEP', params: { limit: 200 } }] });
    expect(parseDefinitionJson('['.repeat(200) + ']'.repeat(200)).ok).toBe(true);
  });

  it('caps the text size', () => {
    expect(parseDefinitionJson(`"${'x'.repeat(6 * 1024 * 1024)}"`)).toMatchObject({
      ok: false,
      problems: [{ code: 'TOO_LARGE', path: '' }],
    });
    expect(parseDefinitionJson('[1,2,3]', { maxLength: 5 })).toMatchObject({ ok: false });
  });

  it('keeps __proto__ as inert own data', () => {
    const result = parseDefinitionJson('{"__proto__":{"isAdmin":true}}');
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});
