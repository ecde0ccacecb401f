/**
 * Reliability suite of the definition language: one `describe` per case of ../shared/RELIABILITY.md that a
 * definition can carry (A3, A4, I4, I5, K1, K3, L1), through the public entry point (`./index.js` =
 * `@formflow/schema`). The engine's own suite (packages/engine/src/reliability.test.ts) covers records, rules and
 * filters at run time. Small definitions are built inline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkJsonSafety,
  DEFINITION_LIMITS,
  parseDefinitionJson,
  RULE_MAX_DEPTH,
  validateDefinition,
  type FieldDef,
  type FormDef,
  type Problem,
  type Rule,
} from './index.js';

const pairs = (problems: Problem[]) => problems.map((p) => [p.path, p.code]);

const text = (id: string, settings?: FieldDef['settings']): FieldDef =>
  settings ? { id, type: 'text', label: id, settings } : { id, type: 'text', label: id };

/** A form with fields `name` and `note`, and one visibility rule `when` on `note`. */
function formWith(when: unknown, fields: FieldDef[] = []): FormDef {
  return {
    id: 'f',
    name: 'F',
    fields: [text('name'), text('note'), ...fields],
    logic: [{ id: 'r1', kind: 'visible', when: when as Rule, fields: ['note'] }],
  };
}

function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** `{"!":[…]}` wrappers around `{var:'name'}`: each adds two levels (object + array). */
function nestedRule(wrappers: number): Rule {
  let rule: Rule = { var: 'name' };
  for (let i = 0; i < wrappers; i++) rule = { '!': [rule] };
  return rule;
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('A3 — deep nesting', () => {
  it('a definition nested 100,000 deep → NESTING_TOO_DEEP alone, never a throw', () => {
    let value: unknown = {};
    for (let i = 0; i < 100_000; i++) value = { a: value };
    let problems: Problem[] = [];
    expect(() => (problems = validateDefinition(value))).not.toThrow();
    expect(problems.map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
    expect(checkJsonSafety(nestedArrays(100_000)).map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
  });

  it('an 800 KB text nested 100,000 deep is refused by parseDefinitionJson before JSON.parse', () => {
    const body = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const parsed = parseDefinitionJson(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
  });

  it('the definition limit is 200 levels: 200 pass, 201 fail (guards and parser)', () => {
    expect(DEFINITION_LIMITS.maxDepth).toBe(200);
    expect(checkJsonSafety(nestedArrays(200))).toEqual([]);
    expect(checkJsonSafety(nestedArrays(201)).map((p) => p.code)).toEqual(['NESTING_TOO_DEEP']);
    expect(parseDefinitionJson(JSON.stringify(nestedArrays(200))).ok).toBe(true);
    expect(parseDefinitionJson(JSON.stringify(nestedArrays(201))).ok).toBe(false);
  });

  it('a JsonLogic rule 5,000 deep inside a form → NESTING_TOO_DEEP at a path inside the rule', () => {
    const problems = validateDefinition(formWith(nestedRule(5000)), 'form');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('NESTING_TOO_DEEP');
    expect(problems[0]!.path.startsWith('logic[0].when')).toBe(true);
  });

  it('the rule limit is 100 levels: 99 pass, 101 fail, even within the definition limit', () => {
    expect(RULE_MAX_DEPTH).toBe(100);
    expect(validateDefinition(formWith(nestedRule(49)), 'form')).toEqual([]);
    const over = validateDefinition(formWith(nestedRule(50)), 'form');
    expect(over).toEqual([expect.objectContaining({ code: 'NESTING_TOO_DEEP', params: { limit: 100 } })]);
    expect(over[0]!.path.startsWith('logic[0].when')).toBe(true);
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

  it('as a whole definition (via JSON.parse and parseDefinitionJson) → FORBIDDEN_KEY', () => {
    expect(pairs(validateDefinition(JSON.parse(PROTO)))).toEqual([['__proto__', 'FORBIDDEN_KEY']]);
    expect(pairs(validateDefinition(JSON.parse(CTOR)))).toEqual([['constructor', 'FORBIDDEN_KEY']]);
    const parsed = parseDefinitionJson(PROTO);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
      expect(Object.hasOwn(parsed.value as object, '__proto__')).toBe(true);
      expect(pairs(validateDefinition(parsed.value))).toEqual([['__proto__', 'FORBIDDEN_KEY']]);
    }
  });

  it('nested in field settings and in a sub-table column → FORBIDDEN_KEY at that path', () => {
    const form = formWith(true, [JSON.parse(`{"id":"x","type":"text","label":"x","settings":${PROTO}}`) as FieldDef]);
    expect(pairs(validateDefinition(form, 'form'))).toEqual([['fields[2].settings.__proto__', 'FORBIDDEN_KEY']]);
    const sub = JSON.parse(
      `{"id":"s","type":"subtable","label":"s","settings":{"fields":[{"id":"c","type":"text","label":"c",${CTOR.slice(1, -1)}}]}}`,
    ) as FieldDef;
    expect(pairs(validateDefinition(formWith(true, [sub]), 'form'))).toEqual([
      ['fields[2].settings.fields[0].constructor', 'FORBIDDEN_KEY'],
    ]);
  });

  it('a field id "__proto__", "constructor" or "prototype" → INVALID_ID', () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      expect(pairs(validateDefinition(formWith(true, [text(id)]), 'form'))).toEqual([['fields[2].id', 'INVALID_ID']]);
    }
  });

  it('as filter values of a view → FORBIDDEN_KEY', () => {
    const app = (value: unknown) => ({
      id: 'app',
      name: 'App',
      forms: [formWith(true)],
      views: [{ id: 'v', formId: 'f', name: 'V', type: 'grid', filter: { field: 'name', op: 'eq', value } }],
    });
    expect(pairs(validateDefinition(app(JSON.parse(PROTO))))).toEqual([
      ['views[0].filter.value.__proto__', 'FORBIDDEN_KEY'],
    ]);
    expect(pairs(validateDefinition(app(JSON.parse(CTOR))))).toEqual([
      ['views[0].filter.value.constructor', 'FORBIDDEN_KEY'],
    ]);
  });

  it('afterwards, ({}).isAdmin is undefined and Object.prototype has no new keys', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(protoKeys()).toEqual(before);
  });
});

describe('I4 — JsonLogic rules', () => {
  const at = (when: unknown, options = {}) => pairs(validateDefinition(formWith(when), 'form', options));

  it('var paths with constructor / __proto__ / prototype segments → FORBIDDEN_KEY at save, with the path', () => {
    expect(at({ var: 'constructor.constructor' })).toEqual([['logic[0].when.var', 'FORBIDDEN_KEY']]);
    expect(at({ var: '__proto__' })).toEqual([['logic[0].when.var', 'FORBIDDEN_KEY']]);
    expect(at({ '==': [{ var: 'name.prototype' }, 1] })).toEqual([['logic[0].when["=="][0].var', 'FORBIDDEN_KEY']]);
  });

  it('a rule object holding a __proto__ key (JSON.parse) is refused by the guards', () => {
    expect(at(JSON.parse('{"if":[true,{"__proto__":{"isAdmin":true}}]}'))).toEqual([
      ['logic[0].when.if[1].__proto__', 'FORBIDDEN_KEY'],
    ]);
  });

  it('var paths must name fields of the form; computed paths are refused', () => {
    expect(at({ var: 'salary' })).toEqual([['logic[0].when.var', 'UNKNOWN_FIELD_REFERENCE']]);
    expect(at({ var: { cat: ['na', 'me'] } })).toEqual([['logic[0].when.var', 'DYNAMIC_VAR_PATH']]);
    expect(at({ '==': [{ var: 'name' }, 'a'] })).toEqual([]);
  });

  it('with the engine operator allow-list, method / log / unknown operators → UNKNOWN_OPERATOR with the path', () => {
    const ruleOperators = new Set(['var', '==', 'and', '!']);
    expect(at({ method: [{ var: 'name' }, 'toString'] }, { ruleOperators })).toEqual([
      ['logic[0].when', 'UNKNOWN_OPERATOR'],
    ]);
    expect(at({ and: [true, { log: 'x' }, { foo: 1 }] }, { ruleOperators })).toEqual([
      ['logic[0].when.and[1]', 'UNKNOWN_OPERATOR'],
      ['logic[0].when.and[2]', 'UNKNOWN_OPERATOR'],
    ]);
    // Documented: without the allow-list the schema leaves operators to the engine.
    expect(at({ method: [{ var: 'name' }, 'toString'] })).toEqual([]);
  });

  it('over-deep rules are refused (see A3)', () => {
    expect(at(nestedRule(50))).toEqual([[expect.stringMatching(/^logic\[0\]\.when/), 'NESTING_TOO_DEEP']]);
  });
});

describe('I5 — ReDoS through field validation regex', () => {
  it('^(a+)+$ → UNSAFE_PATTERN at save, for a field and for a sub-table column', () => {
    expect(validateDefinition(formWith(true, [text('code', { pattern: '^(a+)+$' })]), 'form')).toEqual([
      expect.objectContaining({
        path: 'fields[2].settings.pattern',
        code: 'UNSAFE_PATTERN',
        params: { reason: 'backtracking' },
      }),
    ]);
    const sub: FieldDef = {
      id: 's',
      type: 'subtable',
      label: 's',
      settings: { fields: [text('c', { pattern: '^(a+)+$' })] },
    };
    expect(pairs(validateDefinition(formWith(true, [sub]), 'form'))).toEqual([
      ['fields[2].settings.fields[0].settings.pattern', 'UNSAFE_PATTERN'],
    ]);
  });

  it('a safe pattern is accepted; an invalid or over-long one is refused', () => {
    expect(validateDefinition(formWith(true, [text('code', { pattern: '^1[3-9]\\d{9}$' })]), 'form')).toEqual([]);
    expect(pairs(validateDefinition(formWith(true, [text('code', { pattern: '([a-z]' })]), 'form'))).toEqual([
      ['fields[2].settings.pattern', 'UNSAFE_PATTERN'],
    ]);
    const long = `^${'[a-z]'.repeat(101)}$`;
    expect(validateDefinition(formWith(true, [text('code', { pattern: long })]), 'form')).toContainEqual(
      expect.objectContaining({ path: 'fields[2].settings.pattern', code: 'UNSAFE_PATTERN' }),
    );
  });
});

describe('K1 — round trip', () => {
  const MARKS = [0x351, 0x36b, 0x36a, 0x33d, 0x34a, 0x346, 0x363, 0x364];
  const zalgo = [...'Zalgo'].map((c) => c + String.fromCodePoint(...MARKS)).join('');
  const labels = ['客户名称', '👨‍👩‍👧‍👦', 'مرحبا', 'e\u0301', zalgo];

  it('labels in any script are valid and come back byte-identical through parseDefinitionJson', () => {
    for (const label of labels) {
      const form: FormDef = { id: 'f', name: label, fields: [{ id: 'n', type: 'text', label: { 'zh-CN': label } }] };
      const textForm = JSON.stringify(form);
      const parsed = parseDefinitionJson(textForm);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(validateDefinition(parsed.value, 'form')).toEqual([]);
      const back = parsed.value as FormDef;
      expect(back.name).toBe(label);
      expect(back.fields[0]!.label).toEqual({ 'zh-CN': label });
      expect(JSON.stringify(back)).toBe(textForm);
    }
  });

  it('validateDefinition never rewrites the definition it checks (NFD stays NFD there)', () => {
    const form: FormDef = { id: 'f', name: 'Cafe\u0301', fields: [text('n')] };
    const copy = structuredClone(form);
    expect(validateDefinition(form, 'form')).toEqual([]);
    expect(form).toEqual(copy);
    expect(form.name).toBe('Cafe\u0301');
  });
});

describe('K3 — invalid characters', () => {
  const BAD: [string, string, string][] = [
    ['lone surrogate', 'a\uD800b', 'D800'],
    ['NUL', 'a\u0000b', '0000'],
  ];

  it.each(BAD)('%s in a label → INVALID_CHARACTER at the label path', (_n, s, codePoint) => {
    const form: FormDef = { id: 'f', name: 'F', fields: [{ id: 'n', type: 'text', label: { 'zh-CN': s, en: 'N' } }] };
    expect(validateDefinition(form, 'form')).toEqual([
      expect.objectContaining({
        path: 'fields[0].label.zh-CN',
        code: 'INVALID_CHARACTER',
        params: { codePoint, index: 1 },
      }),
    ]);
  });

  it.each(BAD)('%s written as a \\u escape in JSON text is refused after parsing', (_n, s) => {
    // JSON.stringify writes both as \u escapes (well-formed JSON.stringify), so the text itself is clean.
    const escaped = JSON.stringify({ id: 'f', name: s, fields: [] });
    expect(escaped).toMatch(/\\u(0000|d800)/);
    const parsed = parseDefinitionJson(escaped);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(pairs(validateDefinition(parsed.value, 'form'))).toEqual([['name', 'INVALID_CHARACTER']]);
  });

  it.each(BAD)('%s in an object key or a select option id is refused', (_n, s) => {
    expect(checkJsonSafety({ [s]: 1 }).map((p) => p.code)).toEqual(['INVALID_CHARACTER']);
    const select: FieldDef = { id: 'st', type: 'select', label: 'st', settings: { options: [{ id: s, label: 'x' }] } };
    expect(pairs(validateDefinition(formWith(true, [select]), 'form'))).toEqual([
      ['fields[2].settings.options[0].id', 'INVALID_CHARACTER'],
    ]);
  });
});

describe('L1 — impossible dates in definitions', () => {
  it('a datetime bound without an offset (an ambiguous local time) is refused', () => {
    const field: FieldDef = { id: 'at', type: 'datetime', label: 'at', settings: { min: '2027-11-07T01:30' } };
    expect(pairs(validateDefinition(formWith(true, [field]), 'form'))).toEqual([
      ['fields[2].settings.min', 'PATTERN_MISMATCH'],
    ]);
    const ok: FieldDef = { id: 'at', type: 'datetime', label: 'at', settings: { min: '2027-11-07T01:30-04:00' } };
    expect(validateDefinition(formWith(true, [ok]), 'form')).toEqual([]);
  });

  it('date bounds must be written YYYY-MM-DD', () => {
    const field: FieldDef = { id: 'd', type: 'date', label: 'd', settings: { min: '2025/3/1' } };
    expect(pairs(validateDefinition(formWith(true, [field]), 'form'))).toEqual([
      ['fields[2].settings.min', 'PATTERN_MISMATCH'],
    ]);
  });
});
