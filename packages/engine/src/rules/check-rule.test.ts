import { describe, expect, it } from 'vitest';
import type { Rule } from '@formflow/schema';
import { checkRule } from './check-rule.js';
import { compileRule } from './compile-rule.js';
import { RuleError } from './rule-error.js';
import { ruleVars } from './rule-vars.js';

function nested(depth: number): Rule {
  let rule: Rule = { var: 'x' };
  for (let i = 0; i < depth; i++) rule = { '!': [rule] };
  return rule;
}

function codes(rule: unknown, options = {}): string[] {
  return checkRule(rule, options).map((p) => p.code);
}

describe('checkRule (RELIABILITY A3, A4, I4)', () => {
  it('rejects a 5,000-deep rule with NESTING_TOO_DEEP, not a RangeError', () => {
    expect(codes(nested(5000))).toEqual(['NESTING_TOO_DEEP']);
    expect(() => compileRule(nested(5000))).toThrow(RuleError);
    let deepArray: unknown = 1;
    for (let i = 0; i < 100_000; i++) deepArray = [deepArray];
    expect(codes(deepArray)).toEqual(['NESTING_TOO_DEEP']);
  });
  it('counts arrays and objects as levels (default limit 100)', () => {
    expect(codes(nested(49))).toEqual([]); // 49 × (object + array) + the var object = 99
    expect(codes(nested(50))).toEqual(['NESTING_TOO_DEEP']);
    expect(codes(nested(60), { maxDepth: 200 })).toEqual([]);
  });
  it('caps the size', () => {
    expect(codes({ cat: Array.from({ length: 20_000 }, () => 'x') })).toEqual(['RULE_TOO_LARGE']);
  });
  it('rejects non-JSON values', () => {
    expect(codes({ '+': [1, Infinity] })).toEqual(['INVALID_RULE_VALUE']);
    expect(codes({ '+': [1, () => 1] })).toEqual(['INVALID_RULE_VALUE']);
    expect(codes({ '+': [new Date()] })).toEqual(['INVALID_RULE_VALUE']);
  });
  it('reports unknown and excluded operators with readable paths', () => {
    expect(checkRule({ and: [true, { '>': [{ foo: 1 }, 2] }] })).toEqual([
      {
        path: 'and[1][">"][0]',
        code: 'UNKNOWN_OPERATOR',
        message: 'unknown operator "foo"',
        params: { operator: 'foo' },
      },
    ]);
    expect(checkRule({ method: ['abc', 'toUpperCase'] })[0]).toMatchObject({ path: '', code: 'UNKNOWN_OPERATOR' });
    expect(codes({ log: 'x' })).toEqual(['UNKNOWN_OPERATOR']);
    expect(codes({ toString: [] })).toEqual(['UNKNOWN_OPERATOR']);
    expect(codes({ 'Math.max': [1] })).toEqual(['UNKNOWN_OPERATOR']);
  });
  it('checks arities where json-logic-js misbehaves', () => {
    expect(checkRule({ or: [true, { and: [] }] })[0]).toMatchObject({
      path: 'or[1].and',
      code: 'WRONG_ARGUMENT_COUNT',
    });
    expect(codes({ '*': [] })).toEqual(['WRONG_ARGUMENT_COUNT']);
    expect(codes({ '==': [1] })).toEqual(['WRONG_ARGUMENT_COUNT']);
    expect(codes({ '>': [1, 2, 3] })).toEqual(['WRONG_ARGUMENT_COUNT']);
    expect(codes({ map: [[1]] })).toEqual(['WRONG_ARGUMENT_COUNT']);
    expect(codes({ date_add: ['2025-01-01', 1, 'fortnight'] })).toEqual(['INVALID_ARGUMENT']);
  });
  it('rejects forbidden var path segments', () => {
    for (const path of ['__proto__', '__proto__.x', 'constructor.constructor', 'a.prototype', 'constructor']) {
      expect(checkRule({ var: path })).toEqual([expect.objectContaining({ path: 'var', code: 'FORBIDDEN_KEY' })]);
    }
    expect(codes({ missing: ['a', 'constructor'] })).toEqual(['FORBIDDEN_KEY']);
    expect(codes({ map: [{ var: 'rows' }, { var: '__proto__' }] })).toEqual(['FORBIDDEN_KEY']);
    expect(codes(JSON.parse('{"if":[true,{"a":1,"__proto__":{"x":1}}]}'))).toEqual(['FORBIDDEN_KEY']);
  });
  it('checks top-level var paths against isKnownVar, but not item-scoped ones', () => {
    const isKnownVar = (p: string) => p.split('.')[0] === 'f_amount' || p === 'f_rows';
    expect(codes({ '>': [{ var: 'f_amount' }, 1] }, { isKnownVar })).toEqual([]);
    expect(codes({ '>': [{ var: '$today' }, 1] }, { isKnownVar })).toEqual([]);
    expect(checkRule({ and: [{ var: 'f_gone' }] }, { isKnownVar })).toEqual([
      {
        path: 'and[0].var',
        code: 'UNKNOWN_FIELD_REFERENCE',
        message: 'unknown field "f_gone"',
        params: { var: 'f_gone' },
      },
    ]);
    expect(codes({ some: [{ var: 'f_rows' }, { '>': [{ var: 'qty' }, 1] }] }, { isKnownVar })).toEqual([]);
    expect(codes({ some: [{ var: 'f_nope' }, { var: 'qty' }] }, { isKnownVar })).toEqual(['UNKNOWN_FIELD_REFERENCE']);
    expect(codes({ var: { cat: ['f_', 'amount'] } }, { isKnownVar })).toEqual(['DYNAMIC_VAR_PATH']);
    expect(codes({ missing: ['f_amount', 'f_x'] }, { isKnownVar })).toEqual(['UNKNOWN_FIELD_REFERENCE']);
  });
});

describe('run-time safety', () => {
  it('reads own properties only', () => {
    expect(compileRule({ var: { cat: ['constr', 'uctor'] } })({})).toBeNull();
    expect(compileRule({ var: { cat: ['__pro', 'to__'] } })({})).toBeNull();
    expect(compileRule({ var: { cat: ['toStr', 'ing'] } })({})).toBeNull();
    expect(compileRule({ var: 'a.length' })({ a: [1, 2] })).toBe(2);
    expect(compileRule({ var: 'a.0' })({ a: 'xyz' })).toBe('x');
    expect(compileRule({ var: { cat: ['a.', 'toString'] } })({ a: 'xyz' })).toBeNull();
    expect(() => compileRule({ var: 'a.toString' })).toThrow(/toString/);
  });
  it('reads an own constructor key as data', () => {
    const data = JSON.parse('{"constructor":{"prototype":{"isAdmin":true}},"__proto__":{"isAdmin":true}}');
    expect(compileRule({ var: { cat: ['constructor'] } })(data)).toEqual({ prototype: { isAdmin: true } });
    expect(compileRule({ var: { cat: ['__proto__.isAdmin'] } })(data)).toBe(true);
    expect(compileRule({ var: '' })({ constructor: 1 })).toEqual({ constructor: 1 });
  });
  it('never pollutes prototypes and never returns a function', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"rows":[{"__proto__":{"polluted":3}}]}',
    );
    const rules: Rule[] = [
      { merge: [{ var: 'rows' }, { var: '' }] },
      { map: [{ var: 'rows' }, { var: '' }] },
      { reduce: [{ var: 'rows' }, { var: 'current' }, { var: '' }] },
      { var: { cat: ['constructor.prototype'] } },
      { missing: { var: 'rows' } },
    ];
    for (const rule of rules) {
      const result = compileRule(rule)(hostile);
      expect(typeof result).not.toBe('function');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(compileRule({ var: 'f' })({ f: () => 1 })).toBeNull();
  });
});

describe('caching', () => {
  it('returns the same function for the same rule object', () => {
    const rule: Rule = { '==': [{ var: 'a' }, 1] };
    expect(compileRule(rule)).toBe(compileRule(rule));
    expect(compileRule(rule, { timeZone: 'Asia/Shanghai' })).not.toBe(compileRule(rule));
    expect(compileRule({ '==': [{ var: 'a' }, 1] })).not.toBe(compileRule(rule));
    expect(compileRule(42)({})).toBe(42);
  });
  it('still checks isKnownVar on a cache hit, and rejects a bad time zone', () => {
    const rule: Rule = { var: 'f_x' };
    compileRule(rule);
    expect(() => compileRule(rule, { isKnownVar: () => false })).toThrow(RuleError);
    expect(() => compileRule(rule, { timeZone: 'Mars/Olympus' })).toThrow(RuleError);
  });
  it('throws RuleError with problems', () => {
    try {
      compileRule({ foo: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).problems[0]?.code).toBe('UNKNOWN_OPERATOR');
    }
  });
});

describe('ruleVars', () => {
  it('lists distinct top-level var paths, with array paths but not item-scoped vars', () => {
    const rule: Rule = {
      and: [
        { '==': [{ var: 'tier' }, 'A'] },
        { some: [{ var: 'rows' }, { '>': [{ var: 'qty' }, { var: 'tier' }] }] },
        { '<': [{ var: 'open' }, 1] },
        { '>': [{ date_diff: [{ var: 'last' }, { var: '$today' }, 'day'] }, 30] },
        { missing: ['x', 'tier'] },
        { var: ['n', 0] },
        { var: 1 },
      ],
    };
    expect(ruleVars(rule)).toEqual(['tier', 'rows', 'open', 'last', '$today', 'x', 'n', '1']);
    expect(ruleVars(true)).toEqual([]);
    expect(() => ruleVars({ nope: 1 })).toThrow(RuleError);
  });
});
