import { describe, expect, it } from 'vitest';
import { checkJsonSafety } from './check-json-safety.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('checkJsonSafety', () => {
  it('accepts plain JSON', () => {
    expect(checkJsonSafety({ a: [1, 'x', true, null, { b: -2.5 }] })).toEqual([]);
  });

  it('stops at the first container deeper than the limit, without recursion', () => {
    const problems = checkJsonSafety(nested(100_000));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('NESTING_TOO_DEEP');
    expect(problems[0]?.path).toBe('[0]'.repeat(200));
    expect(checkJsonSafety(nested(200))).toEqual([]);
    expect(checkJsonSafety(nested(11), { maxDepth: 10 })[0]?.code).toBe('NESTING_TOO_DEEP');
  });

  it('reports forbidden keys anywhere', () => {
    const parsed: unknown = JSON.parse('{"a":[{"__proto__":{"isAdmin":true}}],"b":{"constructor":{"prototype":1}}}');
    const problems = checkJsonSafety(parsed);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['a[0].__proto__', 'FORBIDDEN_KEY'],
      ['b.constructor', 'FORBIDDEN_KEY'],
    ]);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('caps string length at the string path', () => {
    const problems = checkJsonSafety({ label: 'x'.repeat(100_001) });
    expect(problems).toMatchObject([{ path: 'label', code: 'STRING_TOO_LONG', params: { limit: 100_000 } }]);
  });

  it('rejects NUL and lone surrogates, in values and keys', () => {
    expect(checkJsonSafety({ a: 'a\u0000b' })).toMatchObject([{ path: 'a', code: 'INVALID_CHARACTER' }]);
    expect(checkJsonSafety(['a\uD800b'])).toMatchObject([{ path: '[0]', code: 'INVALID_CHARACTER' }]);
    expect(checkJsonSafety(['\uDC00'])).toMatchObject([{ code: 'INVALID_CHARACTER', params: { codePoint: 'DC00' } }]);
    expect(checkJsonSafety({ 'k\u0000': 1 })).toMatchObject([{ code: 'INVALID_CHARACTER' }]);
    expect(checkJsonSafety(['😀 客户'])).toEqual([]);
  });

  it('rejects values that are not plain JSON', () => {
    class Box {}
    const problems = checkJsonSafety({
      f: () => 1,
      n: Number.NaN,
      i: Infinity,
      u: undefined,
      d: new Date(0),
      c: new Box(),
      s: Symbol('x'),
      b: 1n,
    });
    expect(problems.map((p) => `${p.path}:${String(p.params?.kind)}`)).toEqual([
      'f:function',
      'n:NaN',
      'i:Infinity',
      'u:undefined',
      'd:Date instance',
      'c:Box instance',
      's:symbol',
      'b:bigint',
    ]);
    // eslint-disable-next-line no-sparse-arrays
    expect(checkJsonSafety([1, , 3])).toMatchObject([{ path: '[1]', code: 'NOT_PLAIN_JSON' }]);
    expect(checkJsonSafety(Object.create(null) as unknown)).toEqual([]);
  });

  it('caps the number of values and survives cycles', () => {
    expect(checkJsonSafety(new Array(20).fill(0), { maxNodes: 10 })).toMatchObject([{ code: 'TOO_MANY_NODES' }]);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(checkJsonSafety(cyclic)[0]?.code).toBe('NESTING_TOO_DEEP');
  });
});
