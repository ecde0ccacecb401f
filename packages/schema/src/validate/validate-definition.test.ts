import { describe, expect, it } from 'vitest';
import type { AppDef } from '../app.js';
import { sampleCrmApp } from '../fixtures/index.js';
import type { Problem } from '../problem.js';
import { validateDefinition } from './validate-definition.js';

const clone = (): AppDef => structuredClone(sampleCrmApp);
const pairs = (problems: Problem[]) => problems.map((p) => [p.path, p.code]);

function deepRule(depth: number): unknown {
  let rule: unknown = { var: 'stage' };
  for (let i = 0; i < depth; i++) rule = { '!': [rule] };
  return rule;
}

describe('validateDefinition: guards', () => {
  it('a 100,000-deep value returns NESTING_TOO_DEEP without throwing', () => {
    let value: unknown = {};
    for (let i = 0; i < 100_000; i++) value = { a: value };
    const problems = validateDefinition(value);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('NESTING_TOO_DEEP');
  });

  it('a 5,000-deep rule inside a form returns NESTING_TOO_DEEP', () => {
    const app = clone();
    app.forms[1]!.logic![0]!.when = deepRule(5000) as never;
    const problems = validateDefinition(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', params: { limit: 200 } });
    expect(problems[0]?.path.startsWith('forms[1].logic[0].when["!"][0]')).toBe(true);
  });

  it('a rule deeper than 100 levels (but within the definition limit) returns NESTING_TOO_DEEP at the rule', () => {
    const app = clone();
    app.forms[1]!.logic![0]!.when = deepRule(60) as never;
    const problems = validateDefinition(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', params: { limit: 100 } });
    expect(problems[0]?.path.startsWith('forms[1].logic[0].when')).toBe(true);
    app.forms[1]!.logic![0]!.when = deepRule(45) as never;
    expect(validateDefinition(app)).toEqual([]);
  });

  it('__proto__ from JSON.parse gives FORBIDDEN_KEY and pollutes nothing', () => {
    expect(pairs(validateDefinition(JSON.parse('{"__proto__":{"isAdmin":true}}')))).toEqual([
      ['__proto__', 'FORBIDDEN_KEY'],
    ]);
    const nested = JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}') as unknown;
    expect(pairs(validateDefinition(nested))).toEqual([['constructor', 'FORBIDDEN_KEY']]);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('a 10 MB label gives STRING_TOO_LONG at its path', () => {
    const app = clone();
    app.forms[0]!.fields[3]!.label = { 'zh-CN': 'x'.repeat(10 * 1024 * 1024) };
    expect(pairs(validateDefinition(app))).toEqual([['forms[0].fields[3].label.zh-CN', 'STRING_TOO_LONG']]);
  });

  it('NUL and lone surrogates give INVALID_CHARACTER', () => {
    const app = clone();
    app.forms[0]!.name = 'a\u0000b';
    app.forms[1]!.name = 'a\uD800b';
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[0].name', 'INVALID_CHARACTER'],
      ['forms[1].name', 'INVALID_CHARACTER'],
    ]);
  });
});

describe('validateDefinition: structure', () => {
  it('accepts the sample CRM app', () => {
    expect(validateDefinition(sampleCrmApp)).toEqual([]);
  });

  it('reports missing, unknown, wrongly typed and out-of-enum values precisely', () => {
    const app = clone() as unknown as { forms: Record<string, unknown>[] };
    const field = (app.forms[0]!.fields as Record<string, unknown>[])[1]!;
    delete field.label;
    field.colour = 'red';
    field.type = 'checkbox';
    app.forms[0]!.version = 'one';
    const problems = validateDefinition(app);
    expect(problems).toContainEqual({
      path: 'forms[0].fields[1].label',
      code: 'REQUIRED_PROPERTY',
      message: 'missing required property "label"',
      params: { property: 'label' },
    });
    expect(pairs(problems)).toContainEqual(['forms[0].fields[1].colour', 'UNKNOWN_PROPERTY']);
    expect(pairs(problems)).toContainEqual(['forms[0].version', 'INVALID_TYPE']);
    const enumProblem = problems.find((p) => p.code === 'INVALID_ENUM');
    expect(enumProblem?.path).toBe('forms[0].fields[1].type');
    expect(enumProblem?.message).toContain('"text", "textarea"');
  });

  it('checks ids, label caps and discriminated unions', () => {
    const app = clone();
    app.forms[0]!.fields[0]!.id = '1st';
    app.forms[0]!.fields[1]!.label = 'x'.repeat(201);
    (app.automations![0]!.trigger as { type: string }).type = 'hourly';
    (app.workflows![0]!.nodes[1] as { mode: string }).mode = 'majority';
    app.forms[1]!.logic![0]!.kind = 'shown' as never;
    const problems = pairs(validateDefinition(app));
    expect(problems).toContainEqual(['forms[0].fields[0].id', 'INVALID_ID']);
    expect(problems).toContainEqual(['forms[0].fields[1].label', 'TOO_LONG']);
    expect(problems).toContainEqual(['automations[0].trigger.type', 'INVALID_ENUM']);
    expect(problems).toContainEqual(['workflows[0].nodes[1].mode', 'INVALID_ENUM']);
    expect(problems).toContainEqual(['forms[1].logic[0].kind', 'INVALID_ENUM']);
  });

  it('rejects forbidden-key ids and checks map keys', () => {
    const app = clone();
    app.forms[0]!.fields[0]!.id = 'constructor';
    app.permissionGroups![0]!.fields = { 'bad key': 'read' };
    const problems = pairs(validateDefinition(app));
    expect(problems).toContainEqual(['forms[0].fields[0].id', 'INVALID_ID']);
    expect(problems).toContainEqual(['permissionGroups[0].fields["bad key"]', 'INVALID_KEY']);
  });

  it('checks the recursive filter and workflow trees', () => {
    const app = clone();
    app.views![0]!.filter = { or: [{ and: [{ field: 'stage', op: 'like' as never }] }] };
    const branch = (app.workflows![0]!.nodes[2] as { branches: { nodes: unknown[] }[] }).branches[0]!;
    branch.nodes.push({ id: 'cc1', type: 'cc', assignees: [{ kind: 'field' }] });
    const problems = pairs(validateDefinition(app));
    expect(problems).toContainEqual(['views[0].filter.or[0].and[0].op', 'INVALID_ENUM']);
    expect(problems).toContainEqual([
      'workflows[0].nodes[2].branches[0].nodes[1].assignees[0].fieldId',
      'REQUIRED_PROPERTY',
    ]);
  });

  it('checks settings per field type with precise paths, sub-table columns included', () => {
    const app = clone();
    app.forms[0]!.fields[9]!.settings = { source: 'followups', aggregation: 'median' };
    const columns = app.forms[0]!.fields[8]!.settings!.fields as { label?: unknown; settings?: unknown }[];
    columns[2]!.settings = { options: 'none' };
    delete columns[0]!.label;
    const problems = pairs(validateDefinition(app));
    expect(problems).toContainEqual(['forms[0].fields[9].settings.aggregation', 'INVALID_ENUM']);
    expect(problems).toContainEqual(['forms[0].fields[8].settings.fields[2].settings.options', 'INVALID_TYPE']);
    expect(problems).toContainEqual(['forms[0].fields[8].settings.fields[0].label', 'REQUIRED_PROPERTY']);
  });

  it('validates other kinds alone', () => {
    expect(validateDefinition(sampleCrmApp.forms[1], 'form')).toEqual([]);
    expect(validateDefinition(sampleCrmApp.views![0], 'view')).toEqual([]);
    expect(validateDefinition(sampleCrmApp.workflows![0], 'workflow')).toEqual([]);
    expect(validateDefinition(sampleCrmApp.automations![0], 'automation')).toEqual([]);
    expect(validateDefinition(sampleCrmApp.dashboards![0], 'dashboard')).toEqual([]);
    expect(validateDefinition(sampleCrmApp.permissionGroups![0], 'permissionGroup')).toEqual([]);
    const manifest = { id: 'crm', name: 'CRM', version: '1.0.0', engine: '^0.1.0', app: 'app.json', tags: ['crm'] };
    expect(validateDefinition(manifest, 'template')).toEqual([]);
    expect(pairs(validateDefinition({ ...manifest, version: 'v1', app: '../app.json' }, 'template'))).toEqual([
      ['version', 'PATTERN_MISMATCH'],
      ['app', 'PATTERN_MISMATCH'],
    ]);
    expect(pairs(validateDefinition({ id: 'v', formId: 'f', name: 'V', type: 'kanban' }, 'view'))).toEqual([
      ['groupBy', 'REQUIRED_PROPERTY'],
    ]);
    expect(pairs(validateDefinition('x', 'app'))).toEqual([['', 'INVALID_TYPE']]);
  });
});

describe('validateDefinition: broken shapes', () => {
  it('never throws on structurally broken definitions and still reports what it can', () => {
    const broken = [
      null,
      42,
      [],
      {
        forms: [
          null,
          1,
          { id: 'f', fields: 'x' },
          { id: 'g', fields: [null, { id: 'a', type: 'subtable', settings: { fields: 'no' } }] },
        ],
      },
      { id: 'a', name: 'A', forms: [], views: [{ formId: 5 }, null], workflows: [{ nodes: [{ branches: 'x' }, 3] }] },
      { id: 'a', name: 'A', forms: [], automations: [{ trigger: null, actions: [{ mapping: [] }] }], dashboards: [1] },
      {
        id: 'a',
        name: 'A',
        forms: [{ id: 'f', name: 'F', fields: [], logic: [{ kind: 'assign' }], layout: [{ fields: 1 }] }],
      },
    ];
    for (const value of broken) {
      for (const kind of ['app', 'form', 'workflow', 'automation', 'dashboard'] as const) {
        expect(() => validateDefinition(value, kind)).not.toThrow();
      }
    }
    expect(validateDefinition(broken[3]).length).toBeGreaterThan(0);
  });
});
