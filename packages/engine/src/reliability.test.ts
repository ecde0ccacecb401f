/**
 * Reliability suite of the engine: one `describe` per case of ../shared/RELIABILITY.md that touches the engine
 * (A3, A4, I4, I5, K1–K4, L1–L2), through the public entry point (`./index.js` = `@formflow/engine`) and the parse
 * helpers (`./parse/index.js`). Small forms are built inline; the real field registry is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDef, FieldDef, FilterNode, FormDef, Rule } from '@formflow/schema';
import {
  applyDefaults,
  checkAppDefinition,
  checkFilter,
  checkRecordShape,
  checkRule,
  compileFilter,
  compileRule,
  evaluateForm,
  fieldRegistry,
  FilterError,
  findInvalidCharacter,
  foldText,
  graphemeLength,
  RuleError,
  truncateGraphemes,
  validateRecord,
  type FilterContext,
  type ValidateRecordResult,
} from './index.js';
import { localTimeToInstant, parseDate, parseDateTime } from './parse/index.js';

const options = { registry: fieldRegistry };

/** `path:CODE` of each error, [] when the record is valid. */
const codes = (r: ValidateRecordResult): string[] => (r.ok ? [] : r.errors.map((e) => `${e.path}:${e.code}`));

const text = (id: string, settings?: FieldDef['settings']): FieldDef =>
  settings ? { id, type: 'text', label: id, settings } : { id, type: 'text', label: id };

const form: FormDef = {
  id: 'people',
  name: '人员',
  fields: [
    text('name'),
    { id: 'bio', type: 'textarea', label: 'bio' },
    {
      id: 'stage',
      type: 'select',
      label: 'stage',
      settings: {
        options: [
          { id: 'open', label: '进行中' },
          { id: 'won', label: '赢单' },
        ],
      },
    },
    { id: 'birthday', type: 'date', label: 'birthday' },
    { id: 'meetAt', type: 'datetime', label: 'meetAt' },
    { id: 'address', type: 'address', label: 'address' },
    {
      id: 'items',
      type: 'subtable',
      label: 'items',
      settings: {
        fields: [
          { id: 'product', type: 'text', label: 'product' },
          { id: 'qty', type: 'number', label: 'qty' },
        ],
      },
    },
  ],
};

/** A value nested `depth` levels deep: `depth` arrays around 'x' (the record itself is level 1). */
function nestedArrays(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** `{"!":[…]}` around `{var:'x'}`: each wrapper adds two levels (object + array). */
function nestedRule(wrappers: number, inner: Rule = { var: 'name' }): Rule {
  let rule: Rule = inner;
  for (let i = 0; i < wrappers; i++) rule = { '!': [rule] };
  return rule;
}

/** A filter of `depth` levels: `and` groups around one condition (a bare condition is depth 1). */
function nestedFilter(depth: number): unknown {
  let node: unknown = { field: 'name', op: 'eq', value: 'a' };
  for (let i = 1; i < depth; i++) node = { and: [node] };
  return node;
}

/** A one-form app whose only logic rule is `when`. */
function appWithRule(when: unknown): AppDef {
  return {
    id: 'app',
    name: 'App',
    forms: [
      {
        id: 'f',
        name: 'F',
        fields: [text('name'), text('note')],
        logic: [{ id: 'r1', kind: 'visible', when: when as Rule, fields: ['note'] }],
      },
    ],
  };
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const utc: FilterContext = { now: new Date('2025-03-01T00:00:00Z'), timezone: 'UTC' };

describe('A3 — deep nesting', () => {
  it('a record value nested 100,000 deep → NESTING_TOO_DEEP, never a throw', () => {
    const deep = nestedArrays(100_000);
    for (const field of ['name', 'address', 'items']) {
      let result: ValidateRecordResult | undefined;
      expect(() => (result = validateRecord(form, { [field]: deep }, options))).not.toThrow();
      expect(codes(result!)).toEqual([expect.stringMatching(/:NESTING_TOO_DEEP$/)]);
    }
    expect(checkRecordShape({ items: deep })).toMatchObject({ code: 'NESTING_TOO_DEEP', params: { max: 32 } });
  });

  it('every registered field type answers NESTING_TOO_DEEP to a 100,000-deep object or array', () => {
    let deepObject: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deepObject = { a: deepObject };
    const deepArray = nestedArrays(100_000);
    for (const type of fieldRegistry.all()) {
      const f: FormDef = { id: `deep-${type.type}`, name: 'd', fields: [text('name')] };
      (f.fields as unknown[]).push({ id: 'f', type: type.type, label: 'f' });
      for (const value of [deepObject, deepArray, [deepObject], { a: deepArray }]) {
        expect(codes(validateRecord(f, { f: value }, options)), type.type).toEqual([
          expect.stringMatching(/:NESTING_TOO_DEEP$/),
        ]);
      }
    }
  });

  it('the record limit is 32 levels (the record is level 1): 31 nested arrays pass the guard, 32 fail', () => {
    expect(checkRecordShape({ items: nestedArrays(31) })).toBeNull();
    expect(checkRecordShape({ items: nestedArrays(32) })).toMatchObject({ code: 'NESTING_TOO_DEEP' });
    // Through validateRecord: under the limit the value reaches its type check, over it the guard answers.
    expect(codes(validateRecord(form, { address: nestedArrays(31) }, options))).toEqual(['address:TYPE_MISMATCH']);
    expect(codes(validateRecord(form, { address: nestedArrays(32) }, options))[0]).toMatch(/:NESTING_TOO_DEEP$/);
  });

  it('a JsonLogic rule 5,000 deep → rejected by checkRule and compileRule (RuleError, not RangeError)', () => {
    const deep = nestedRule(5000);
    expect(checkRule(deep).map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
    let thrown: unknown;
    try {
      compileRule(deep);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RuleError);
    expect((thrown as RuleError).problems.map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
  });

  it('the rule limit is 100 levels: 99 pass, 101 fail, in checkRule and compileRule', () => {
    // 49 wrappers × (object + array) + the var object = 99 levels; 50 wrappers = 101.
    expect(checkRule(nestedRule(49))).toEqual([]);
    expect(compileRule(nestedRule(49))({ name: 'a' })).toBe(false);
    expect(checkRule(nestedRule(50)).map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
    expect(() => compileRule(nestedRule(50))).toThrow(RuleError);
  });

  it('a 5,000-deep rule inside a form is rejected by checkAppDefinition, with a path into the rule', () => {
    let problems: ReturnType<typeof checkAppDefinition> = [];
    expect(() => (problems = checkAppDefinition(appWithRule(nestedRule(5000))))).not.toThrow();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('NESTING_TOO_DEEP');
    expect(problems[0]!.path.startsWith('forms[0].logic[0].when')).toBe(true);
  });

  it('inside a form, the rule limit of 100 applies at the boundary too', () => {
    expect(checkAppDefinition(appWithRule(nestedRule(49)))).toEqual([]);
    const over = checkAppDefinition(appWithRule(nestedRule(50)));
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', params: { limit: 100 } });
    expect(over[0]!.path.startsWith('forms[0].logic[0].when')).toBe(true);
  });

  it('a filter 10,000 deep → NESTING_TOO_DEEP from checkFilter, FilterError from compileFilter', () => {
    const deep = nestedFilter(10_000);
    expect(checkFilter(deep, form, fieldRegistry).map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
    expect(() => compileFilter(deep as FilterNode, form, fieldRegistry)).toThrow(FilterError);
  });

  it('the filter limit is 8 levels by default: 8 pass, 9 fail', () => {
    expect(checkFilter(nestedFilter(8), form, fieldRegistry)).toEqual([]);
    expect(checkFilter(nestedFilter(9), form, fieldRegistry).map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
  });
});

describe('A4 — prototype pollution', () => {
  let before: string[];
  beforeAll(() => {
    before = protoKeys();
  });
  afterAll(() => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(protoKeys()).toEqual(before);
  });

  const PROTO = '{"__proto__":{"isAdmin":true}}';
  const CTOR = '{"constructor":{"prototype":{"isAdmin":true}}}';

  it('as record data: FORBIDDEN_KEY, nothing polluted', () => {
    expect(codes(validateRecord(form, JSON.parse(PROTO), options))).toEqual(['__proto__:FORBIDDEN_KEY']);
    expect(codes(validateRecord(form, JSON.parse(CTOR), options))).toEqual(['constructor:FORBIDDEN_KEY']);
    expect(codes(validateRecord(form, JSON.parse(`{"name":"a","address":${PROTO}}`), options))).toEqual([
      'address.__proto__:FORBIDDEN_KEY',
    ]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('inside a sub-table row: FORBIDDEN_KEY at the row path', () => {
    const proto = JSON.parse(`{"items":[{"id":"r1","product":"p","__proto__":{"isAdmin":true}}]}`);
    expect(codes(validateRecord(form, proto, options))).toEqual(['items[0].__proto__:FORBIDDEN_KEY']);
    const ctor = JSON.parse(`{"items":[{"id":"r1","product":"p"},${CTOR}]}`);
    expect(codes(validateRecord(form, ctor, options))).toEqual(['items[1].constructor:FORBIDDEN_KEY']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('as a definition: FORBIDDEN_KEY from checkAppDefinition', () => {
    expect(checkAppDefinition(JSON.parse(PROTO)).map((p) => [p.path, p.code])).toEqual([
      ['__proto__', 'FORBIDDEN_KEY'],
    ]);
    expect(checkAppDefinition(JSON.parse(CTOR)).map((p) => [p.path, p.code])).toEqual([
      ['constructor', 'FORBIDDEN_KEY'],
    ]);
    const app = appWithRule(true) as unknown as { forms: { fields: unknown[] }[] };
    app.forms[0]!.fields.push(JSON.parse(`{"id":"x","type":"text","label":"x","settings":${PROTO}}`));
    expect(checkAppDefinition(app).map((p) => [p.path, p.code])).toEqual([
      ['forms[0].fields[2].settings.__proto__', 'FORBIDDEN_KEY'],
    ]);
  });

  it('a field id "__proto__" (or "constructor") is refused in a definition', () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const app = appWithRule(true);
      app.forms[0]!.fields.push(text(id));
      const problems = checkAppDefinition(app);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.path.startsWith('forms[0].fields[2].id'))).toBe(true);
    }
  });

  it('as filter values: refused by checkFilter, never used as a condition', () => {
    const proto = { field: 'name', op: 'eq', value: JSON.parse(PROTO) };
    expect(checkFilter(proto, form, fieldRegistry).map((p) => [p.path, p.code])).toEqual([
      ['value', 'INVALID_FILTER_VALUE'],
    ]);
    const ctor = { field: 'name', op: 'in', value: [JSON.parse(CTOR)] };
    expect(checkFilter(ctor, form, fieldRegistry).map((p) => p.code)).toEqual(['INVALID_FILTER_VALUE']);
    // A hostile key in a condition or group node is not a filter key.
    const node = JSON.parse('{"field":"name","op":"eq","value":"a","__proto__":{"op":"isNotEmpty"}}');
    expect(checkFilter(node, form, fieldRegistry).map((p) => p.code)).toEqual(['INVALID_FILTER']);
    expect(checkFilter({ and: [JSON.parse(PROTO)] }, form, fieldRegistry).map((p) => p.code)).toEqual([
      'INVALID_FILTER',
    ]);
  });

  it('a filter reads own values only: inherited or __proto__ data never matches', () => {
    const matches = compileFilter({ field: 'name', op: 'eq', value: 'x' }, form, fieldRegistry);
    expect(matches(JSON.parse('{"__proto__":{"name":"x"}}'), utc)).toBe(false);
    expect(matches(Object.create({ name: 'x' }) as Record<string, unknown>, utc)).toBe(false);
    expect(matches({ name: 'x' }, utc)).toBe(true);
    const toStringFilter = compileFilter({ field: 'name', op: 'isNotEmpty' }, form, fieldRegistry);
    expect(toStringFilter({}, utc)).toBe(false);
  });

  it('form logic reads own values only: a __proto__ key in the values is inert data', () => {
    const f: FormDef = {
      id: 'logic',
      name: 'logic',
      fields: [
        text('role'),
        { id: 'echo', type: 'formula', label: 'echo', settings: { formula: { var: 'role' }, resultType: 'text' } },
      ],
    };
    const state = evaluateForm(f, JSON.parse('{"__proto__":{"role":"admin","isAdmin":true}}'));
    expect(state.values.echo ?? null).toBeNull();
    expect(Object.hasOwn(state.values, 'role')).toBe(false);
    expect(applyDefaults(f, JSON.parse(CTOR)).role).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('afterwards, ({}).isAdmin is undefined and Object.prototype has no new keys', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(protoKeys()).toEqual(before);
  });
});

describe('I4 — JsonLogic rules', () => {
  const cases: [string, unknown, string, string][] = [
    ['an unknown operator', { and: [true, { foo: 1 }] }, 'UNKNOWN_OPERATOR', 'and[1]'],
    ['method', { method: ['abc', 'toUpperCase'] }, 'UNKNOWN_OPERATOR', ''],
    ['log', { log: 'x' }, 'UNKNOWN_OPERATOR', ''],
    ['var constructor.constructor', { var: 'constructor.constructor' }, 'FORBIDDEN_KEY', 'var'],
    ['var __proto__', { var: '__proto__' }, 'FORBIDDEN_KEY', 'var'],
    ['var constructor', { var: 'constructor' }, 'FORBIDDEN_KEY', 'var'],
  ];

  it.each(cases)('checkRule rejects %s with its code and path', (_name, rule, code, path) => {
    expect(checkRule(rule)).toEqual([expect.objectContaining({ code, path })]);
    expect(() => compileRule(rule as Rule)).toThrow(RuleError);
  });

  it('checkRule rejects an over-deep rule', () => {
    expect(checkRule(nestedRule(5000))).toEqual([expect.objectContaining({ code: 'NESTING_TOO_DEEP' })]);
  });

  it('checkAppDefinition rejects each at save, with the path into the form', () => {
    const at = (rule: unknown) => checkAppDefinition(appWithRule(rule)).map((p) => [p.path, p.code]);
    expect(at({ and: [true, { foo: 1 }] })).toEqual([['forms[0].logic[0].when.and[1]', 'UNKNOWN_OPERATOR']]);
    expect(at({ method: [{ var: 'name' }, 'toString'] })).toEqual([['forms[0].logic[0].when', 'UNKNOWN_OPERATOR']]);
    expect(at({ '==': [{ log: 'x' }, 1] })).toEqual([['forms[0].logic[0].when["=="][0]', 'UNKNOWN_OPERATOR']]);
    expect(at({ var: 'constructor.constructor' })).toEqual([['forms[0].logic[0].when.var', 'FORBIDDEN_KEY']]);
    expect(at({ var: '__proto__' })).toEqual([['forms[0].logic[0].when.var', 'FORBIDDEN_KEY']]);
    expect(at(nestedRule(5000))[0]).toEqual([
      expect.stringMatching(/^forms\[0\]\.logic\[0\]\.when/),
      'NESTING_TOO_DEEP',
    ]);
    expect(at({ '==': [{ var: 'name' }, 'a'] })).toEqual([]);
  });

  it('at run time, var reads own properties only', () => {
    // Object.prototype's names never compile as static paths; computed ones read own properties only.
    expect(() => compileRule({ var: 'toString' })).toThrow(RuleError);
    expect(() => compileRule({ var: 'name.hasOwnProperty' })).toThrow(RuleError);
    expect(compileRule({ var: { cat: ['toStr', 'ing'] } })({})).toBeNull();
    expect(compileRule({ var: { cat: ['name.', 'valueOf'] } })({ name: 'a' })).toBeNull();
    // Static forbidden paths never compile; computed ones read own properties only.
    expect(compileRule({ var: { cat: ['constr', 'uctor'] } })({})).toBeNull();
    expect(compileRule({ var: { cat: ['constructor.', 'constructor'] } })({})).toBeNull();
    expect(compileRule({ var: { cat: ['__proto', '__'] } })({})).toBeNull();
    expect(compileRule({ var: [{ var: 'k' }, 'fallback'] })({ k: 'constructor' })).toBe('fallback');
    expect(compileRule({ var: 'name' })({ name: 'a' })).toBe('a');
  });

  it('a rule result is never a function, whatever the data', () => {
    const data = { f: () => 1, name: 'a', rows: [{ g: () => 2 }] };
    const rules: Rule[] = [
      { var: 'f' },
      { var: { cat: ['to', 'String'] } },
      { var: { cat: ['construct', 'or'] } },
      { var: 'rows.0.g' },
      { map: [{ var: 'rows' }, { var: 'g' }] },
      { if: [true, { var: 'f' }, 0] },
      { or: [{ var: 'f' }, { var: { cat: ['value', 'Of'] } }] },
    ];
    for (const rule of rules) {
      const result = compileRule(rule)(data);
      expect(typeof result).not.toBe('function');
      if (Array.isArray(result)) for (const item of result) expect(typeof item).not.toBe('function');
    }
  });
});

describe('I5 — ReDoS through field validation regex', () => {
  it('a designer pattern ^(a+)+$ → UNSAFE_PATTERN at save, at the pattern path', () => {
    const app = appWithRule(true);
    app.forms[0]!.fields[1] = text('note', { pattern: '^(a+)+$' });
    expect(checkAppDefinition(app)).toEqual([
      expect.objectContaining({ path: 'forms[0].fields[1].settings.pattern', code: 'UNSAFE_PATTERN' }),
    ]);
    app.forms[0]!.fields[1] = text('note', { pattern: '^[a-z]+$' });
    expect(checkAppDefinition(app)).toEqual([]);
  });

  it('a 100,000-character input against a safe pattern is validated and rejected as TOO_LONG', () => {
    const safe: FormDef = { id: 's', name: 's', fields: [text('code', { pattern: '^[a-z]+$', maxLength: 50 })] };
    expect(codes(validateRecord(safe, { code: 'a'.repeat(50) }, options))).toEqual([]);
    expect(codes(validateRecord(safe, { code: 'a'.repeat(51) }, options))).toEqual(['code:TOO_LONG']);
    expect(codes(validateRecord(safe, { code: 'a'.repeat(100_000) }, options))).toEqual(['code:TOO_LONG']);
    expect(codes(validateRecord(safe, { code: `${'a'.repeat(40)}!` }, options))).toEqual(['code:PATTERN_MISMATCH']);
  });

  it('text length is capped even without maxLength (default 200 graphemes for text)', () => {
    const plain: FormDef = { id: 'p', name: 'p', fields: [text('code', { pattern: '^[a-z]+$' })] };
    expect(codes(validateRecord(plain, { code: 'a'.repeat(100_000) }, options))).toEqual(['code:TOO_LONG']);
  });
});

describe('K1 — round trip', () => {
  /** Combining marks above (all of canonical class 230, none composing), so NFC leaves the Zalgo text as it is. */
  const MARKS = [0x351, 0x36b, 0x36a, 0x33d, 0x34a, 0x346, 0x363, 0x364, 0x365, 0x366, 0x367, 0x368, 0x369, 0x36c];
  const zalgo = [...'Zalgo'].map((c) => c + String.fromCodePoint(...MARKS, ...MARKS)).join('');
  const samples: [string, string][] = [
    ['Chinese', '客户名称'],
    ['family emoji (ZWJ)', '👨‍👩‍👧‍👦'],
    ['Arabic', 'مرحبا'],
    ['NFC é', '\u00e9'],
    ['Zalgo', zalgo],
  ];

  it.each(samples)('%s comes back byte-identical from validateRecord (text, textarea, sub-table cell)', (_n, s) => {
    expect(s.normalize('NFC')).toBe(s); // precondition: NFC has nothing to change
    const r = validateRecord(form, { name: s, bio: `${s}\n${s}`, items: [{ id: 'r1', product: s }] }, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.name).toBe(s);
    expect(r.values.bio).toBe(`${s}\n${s}`);
    expect((r.values.items as { product: string }[])[0]!.product).toBe(s);
  });

  it('Zalgo with marks out of canonical order comes back exactly as its NFC form', () => {
    const mixed = `Z\u0300\u0316\u0334\u0301\u0317a\u0300\u0301\u0302\u0323lgo`;
    const r = validateRecord(form, { bio: mixed }, options);
    expect(r.ok && r.values.bio).toBe(mixed.normalize('NFC'));
    expect(mixed.normalize('NFC')).not.toBe(mixed);
  });

  it('NFD é is the one documented change: it is stored in NFC', () => {
    const nfd = 'Cafe\u0301';
    const r = validateRecord(form, { name: nfd, items: [{ id: 'r1', product: nfd }] }, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.name).toBe('Caf\u00e9');
    expect([...(r.values.name as string)].map((c) => c.codePointAt(0))).toEqual([0x43, 0x61, 0x66, 0xe9]);
    expect((r.values.items as { product: string }[])[0]!.product).toBe('Caf\u00e9');
  });
});

describe('K2 — length limits', () => {
  const FAMILY = '👨‍👩‍👧‍👦';
  const samples: [string, string, number][] = [
    ['3 × 😀', '😀😀😀', 3],
    ['one family emoji', FAMILY, 1],
    ['NFD é', 'e\u0301', 1],
    ['x + family + NFD é', `x${FAMILY}e\u0301`, 3],
  ];
  const withMax = (max: number): FormDef => ({ id: `m${max}`, name: 'm', fields: [text('t', { maxLength: max })] });

  it.each(samples)('%s: graphemeLength, the ajv value schema and the rules length operator agree', (_n, s, n) => {
    expect(graphemeLength(s)).toBe(n);
    expect(s.length).toBeGreaterThan(n); // UTF-16 units are not what counts
    expect(compileRule({ length: { var: 't' } })({ t: s })).toBe(n);
    expect(codes(validateRecord(withMax(n), { t: s }, options))).toEqual([]);
    if (n > 1) expect(codes(validateRecord(withMax(n - 1), { t: s }, options))).toEqual(['t:TOO_LONG']);
    expect(codes(validateRecord(withMax(n), { t: `${s}a` }, options))).toEqual(['t:TOO_LONG']);
  });

  it('3 × 😀 is three characters, one family emoji is one', () => {
    expect(codes(validateRecord(withMax(2), { t: '😀😀😀' }, options))).toEqual(['t:TOO_LONG']);
    expect(codes(validateRecord(withMax(1), { t: FAMILY }, options))).toEqual([]);
    expect(codes(validateRecord(withMax(1), { t: FAMILY + FAMILY }, options))).toEqual(['t:TOO_LONG']);
  });

  it('the rules left/right operators cut whole graphemes too', () => {
    expect(compileRule({ left: [{ var: 't' }, 1] })({ t: `${FAMILY}x` })).toBe(FAMILY);
    expect(compileRule({ right: [{ var: 't' }, 1] })({ t: `x${FAMILY}` })).toBe(FAMILY);
    expect(compileRule({ left: [{ var: 't' }, 2] })({ t: '😀😀😀' })).toBe('😀😀');
  });

  it('truncateGraphemes never splits a ZWJ sequence or surrogate pair', () => {
    const s = `a${FAMILY}😀e\u0301${FAMILY}`;
    expect(truncateGraphemes(s, 1)).toBe('a');
    expect(truncateGraphemes(s, 2)).toBe(`a${FAMILY}`);
    expect(truncateGraphemes(s, 3)).toBe(`a${FAMILY}😀`);
    expect(truncateGraphemes(s, 4)).toBe(`a${FAMILY}😀e\u0301`);
    for (let n = 0; n <= graphemeLength(s) + 1; n++) {
      const cut = truncateGraphemes(s, n);
      expect(s.startsWith(cut)).toBe(true);
      expect(graphemeLength(cut)).toBe(Math.min(n, graphemeLength(s)));
      expect(findInvalidCharacter(cut)).toBeNull();
      expect(graphemeLength(s.slice(cut.length))).toBe(graphemeLength(s) - graphemeLength(cut));
    }
    expect(truncateGraphemes(FAMILY, 0)).toBe('');
  });
});

describe('K3 — invalid characters', () => {
  const BAD: [string, string][] = [
    ['lone surrogate', 'a\uD800b'],
    ['NUL', 'a\u0000b'],
  ];

  it.each(BAD)('%s → INVALID_CHARACTER in text, textarea and a sub-table text column', (_n, s) => {
    expect(codes(validateRecord(form, { name: s }, options))).toEqual(['name:INVALID_CHARACTER']);
    expect(codes(validateRecord(form, { bio: s }, options))).toEqual(['bio:INVALID_CHARACTER']);
    expect(codes(validateRecord(form, { items: [{ id: 'r1', product: s }] }, options))).toEqual([
      'items[0].product:INVALID_CHARACTER',
    ]);
  });

  it.each(BAD)('%s as a select value is not an option id', (_n, s) => {
    expect(codes(validateRecord(form, { stage: s }, options))).toEqual(['stage:INVALID_OPTION']);
    expect(codes(validateRecord(form, { stage: `open${s.slice(1)}` }, options))).toEqual(['stage:INVALID_OPTION']);
  });

  it.each(BAD)('%s in a definition label → INVALID_CHARACTER at the label path', (_n, s) => {
    const app = appWithRule(true);
    app.forms[0]!.fields[0] = { id: 'name', type: 'text', label: { 'zh-CN': s, en: 'Name' } };
    expect(checkAppDefinition(app)).toEqual([
      expect.objectContaining({ path: 'forms[0].fields[0].label.zh-CN', code: 'INVALID_CHARACTER' }),
    ]);
  });

  it.each(BAD)('%s in a filter value → INVALID_FILTER_VALUE', (_n, s) => {
    expect(checkFilter({ field: 'name', op: 'contains', value: s }, form, fieldRegistry)).toEqual([
      expect.objectContaining({ path: 'value', code: 'INVALID_FILTER_VALUE' }),
    ]);
  });

  it('a paired surrogate (😀) is fine', () => {
    expect(codes(validateRecord(form, { name: 'a😀b' }, options))).toEqual([]);
  });
});

describe('K4 — case-insensitive search', () => {
  const by = (op: 'eq' | 'contains', value: string) =>
    compileFilter({ field: 'name', op, value } as FilterNode, form, fieldRegistry);
  const match = (op: 'eq' | 'contains', value: string, stored: string) => by(op, value)({ name: stored }, utc);

  it('Ä and ä fold together (eq and contains)', () => {
    expect(match('eq', 'ä', 'Ä')).toBe(true);
    expect(match('eq', 'Ä', 'ä')).toBe(true);
    expect(match('contains', 'ÄRGER', 'mein ärger')).toBe(true);
    expect(match('eq', 'a', 'ä')).toBe(false);
  });

  it('NFC é and NFD é match each other', () => {
    expect(match('eq', 'caf\u00e9', 'cafe\u0301')).toBe(true);
    expect(match('eq', 'cafe\u0301', 'caf\u00e9')).toBe(true);
    expect(match('contains', 'E\u0301', 'caf\u00e9')).toBe(true);
    expect(match('eq', 'cafe', 'caf\u00e9')).toBe(false);
  });

  it('the rules contains operator folds the same way', () => {
    expect(compileRule({ contains: [{ var: 't' }, 'E\u0301'] })({ t: 'Caf\u00e9' })).toBe(true);
    expect(compileRule({ contains: [{ var: 't' }, 'Ä'] })({ t: 'bär' })).toBe(true);
    expect(compileRule({ contains: [{ var: 't' }, 'SS'] })({ t: 'Straße' })).toBe(false);
  });

  it('İ / i / ı behave as documented in fold-text.ts: İ → i̇ (i + U+0307), ı stays ı', () => {
    expect(foldText('İ')).toBe('i\u0307');
    expect(foldText('ı')).toBe('ı');
    expect(foldText('I')).toBe('i');
    expect(match('eq', 'i', 'İ')).toBe(false);
    expect(match('eq', 'İ', 'i\u0307')).toBe(true);
    expect(match('eq', 'ı', 'i')).toBe(false);
    expect(match('eq', 'ı', 'I')).toBe(false);
    expect(match('eq', 'I', 'i')).toBe(true);
  });

  it('ß and SS behave as documented: ß ≠ SS, SS ≡ ss', () => {
    expect(foldText('ß')).toBe('ß');
    expect(match('eq', 'SS', 'ß')).toBe(false);
    expect(match('eq', 'straße', 'STRASSE')).toBe(false);
    expect(match('eq', 'SS', 'ss')).toBe(true);
    expect(match('contains', 'ß', 'Straße')).toBe(true);
  });
});

describe('L1 — impossible and ambiguous local times', () => {
  const NY = 'America/New_York';

  it('2027-03-14T02:30 in America/New_York does not exist → NONEXISTENT_LOCAL_TIME', () => {
    expect(parseDateTime('2027-03-14T02:30', NY)).toMatchObject({ ok: false, code: 'NONEXISTENT_LOCAL_TIME' });
    expect(
      fieldRegistry.get('datetime').parse('2027-03-14 02:30', form.fields[4]!, { timezone: NY, locale: 'en' }),
    ).toMatchObject({ ok: false, code: 'NONEXISTENT_LOCAL_TIME' });
    expect(localTimeToInstant(Date.UTC(2027, 2, 14, 2, 30), NY)).toMatchObject({ code: 'NONEXISTENT_LOCAL_TIME' });
  });

  it('2027-11-07T01:30 in America/New_York occurs twice → the earlier instant; an offset picks the other', () => {
    expect(parseDateTime('2027-11-07T01:30', NY)).toEqual({ ok: true, value: '2027-11-07T05:30:00.000Z' });
    expect(parseDateTime('2027-11-07T01:30-05:00', NY)).toEqual({ ok: true, value: '2027-11-07T06:30:00.000Z' });
  });

  it('2027-02-30 is invalid, 2028-02-29 is valid and round-trips', () => {
    expect(parseDate('2027-02-30')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(parseDateTime('2027-02-30 10:00', NY)).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(parseDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDateTime('2028-02-29T12:00:00Z', NY)).toEqual({ ok: true, value: '2028-02-29T12:00:00.000Z' });
    expect(validateRecord(form, { birthday: '2028-02-29' }, options)).toMatchObject({
      ok: true,
      values: { birthday: '2028-02-29' },
    });
    expect(codes(validateRecord(form, { birthday: '2027-02-30' }, options))).toEqual(['birthday:INVALID_FORMAT']);
  });

  it('0000-01-01 and +275760-09-13 are rejected as documented (years 0001–9999 only)', () => {
    expect(parseDate('0000-01-01')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(parseDate('+275760-09-13')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(parseDateTime('0000-01-01T00:00', 'UTC')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(parseDateTime('+275760-09-13T00:00:00Z', 'UTC')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(validateRecord(form, { birthday: '0000-01-01' }, options).ok).toBe(false);
    expect(validateRecord(form, { meetAt: '+275760-09-13T00:00:00.000Z' }, options).ok).toBe(false);
    expect(parseDate('0001-01-01')).toEqual({ ok: true, value: '0001-01-01' });
    expect(parseDate('9999-12-31')).toEqual({ ok: true, value: '9999-12-31' });
  });
});

describe('L2 — zones of users and server', () => {
  const ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12', 'UTC', 'Asia/Shanghai'];
  const now = new Date('2025-03-01T16:30:00Z');

  it.each(ZONES)('a date-only 1990-05-01 is the same calendar date for filters in %s', (timezone) => {
    const ctx: FilterContext = { now, timezone };
    const data = { birthday: '1990-05-01' };
    const test = (node: unknown) => compileFilter(node as FilterNode, form, fieldRegistry)(data, ctx);
    expect(test({ field: 'birthday', op: 'eq', value: '1990-05-01' })).toBe(true);
    expect(test({ field: 'birthday', op: 'eq', value: '1990-04-30' })).toBe(false);
    expect(test({ field: 'birthday', op: 'eq', value: '1990-05-02' })).toBe(false);
    expect(test({ field: 'birthday', op: 'gte', value: '1990-05-01' })).toBe(true);
    expect(test({ field: 'birthday', op: 'lte', value: '1990-05-01' })).toBe(true);
    expect(test({ field: 'birthday', op: 'between', value: ['1990-05-01', '1990-05-01'] })).toBe(true);
  });

  it('the process TZ does not change date-only filtering or storage', () => {
    const saved = process.env.TZ;
    const results: unknown[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Etc/GMT+12']) {
        process.env.TZ = tz;
        const eq = compileFilter({ field: 'birthday', op: 'eq', value: '1990-05-01' }, form, fieldRegistry);
        const r = validateRecord(form, { birthday: '1990-05-01' }, options);
        results.push([eq({ birthday: '1990-05-01' }, { now, timezone: 'Etc/GMT+12' }), r.ok && r.values.birthday]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(results).toEqual(Array.from({ length: 4 }, () => [true, '1990-05-01']));
  });

  it('$today in evaluateForm and applyDefaults follows the viewer zone', () => {
    const f: FormDef = {
      id: 'today',
      name: 'today',
      fields: [
        { id: 'due', type: 'date', label: 'due', defaultFormula: { var: '$today' } },
        { id: 'asOf', type: 'formula', label: 'asOf', settings: { formula: { var: '$today' }, resultType: 'text' } },
      ],
    };
    expect(applyDefaults(f, {}, { now, timezone: 'Asia/Shanghai' }).due).toBe('2025-03-02');
    expect(applyDefaults(f, {}, { now, timezone: 'UTC' }).due).toBe('2025-03-01');
    expect(evaluateForm(f, {}, { now, timezone: 'Asia/Shanghai' }).values.asOf).toBe('2025-03-02');
    expect(evaluateForm(f, {}, { now, timezone: 'UTC' }).values.asOf).toBe('2025-03-01');
    const created = validateRecord(f, {}, { ...options, context: { now, timezone: 'Asia/Shanghai' } });
    expect(created.ok && created.values.due).toBe('2025-03-02');
  });

  it('"today" filters use the viewer zone', () => {
    const isToday = compileFilter({ field: 'birthday', op: 'isToday' }, form, fieldRegistry);
    expect(isToday({ birthday: '2025-03-02' }, { now, timezone: 'Asia/Shanghai' })).toBe(true);
    expect(isToday({ birthday: '2025-03-02' }, { now, timezone: 'UTC' })).toBe(false);
    expect(isToday({ birthday: '2025-03-01' }, { now, timezone: 'UTC' })).toBe(true);
  });

  it('date-only values never become instants through validateRecord; date-times are stored as UTC instants', () => {
    for (const timezone of ZONES) {
      const r = validateRecord(form, { birthday: '1990-05-01' }, { ...options, context: { now, timezone } });
      expect(r.ok && r.values.birthday).toBe('1990-05-01');
    }
    expect(validateRecord(form, { birthday: '1990-05-01T00:00:00Z' }, options).ok).toBe(false);
    expect(validateRecord(form, { birthday: '1990-05-01T00:00:00+14:00' }, options).ok).toBe(false);
    const dt = validateRecord(form, { meetAt: '2025-03-01T14:30:00+08:00' }, options);
    expect(dt.ok && dt.values.meetAt).toBe('2025-03-01T06:30:00.000Z');
  });
});
