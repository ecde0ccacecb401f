import { describe, expect, it } from 'vitest';
import type { AppDef } from '../app.js';
import type { FieldDef } from '../field.js';
import { sampleCrmApp } from '../fixtures/index.js';
import type { Problem } from '../problem.js';
import { validateDefinition } from '../validate/validate-definition.js';

const clone = (): AppDef => structuredClone(sampleCrmApp);
const pairs = (problems: Problem[]) => problems.map((p) => [p.path, p.code]);

describe('dependency cycles', () => {
  it('reports a formula cycle once, at its first field', () => {
    const app = clone();
    app.forms[2]!.fields.push(
      {
        id: 'total',
        type: 'formula',
        label: 'Total',
        settings: { formula: { '+': [{ var: 'tax' }, 1] }, resultType: 'number' },
      },
      {
        id: 'tax',
        type: 'formula',
        label: 'Tax',
        settings: { formula: { '*': [{ var: 'total' }, 0.1] }, resultType: 'number' },
      },
    );
    const problems = validateDefinition(app);
    expect(problems).toEqual([
      {
        path: 'forms[2].fields[4]',
        code: 'DEPENDENCY_CYCLE',
        message: 'fields depend on each other: total → tax → total',
        params: { cycle: 'total → tax → total' },
      },
    ]);
  });

  it('follows default formulas and assign rules, and self references', () => {
    const app = clone();
    app.forms[2]!.fields[1]!.defaultFormula = { var: 'endDate' };
    app.forms[2]!.logic = [
      { id: 'setEnd', kind: 'assign', when: { var: 'signedAt' }, field: 'endDate', value: { var: 'contractAmount' } },
    ];
    app.forms[2]!.fields[2]!.defaultFormula = { var: 'signedAt' };
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[2].fields[1]', 'DEPENDENCY_CYCLE'],
      ['forms[2].fields[2]', 'DEPENDENCY_CYCLE'],
    ]);
    expect(validateDefinition(app).map((p) => p.message)).toEqual([
      'fields depend on each other: contractAmount → endDate → contractAmount',
      'fields depend on each other: signedAt → signedAt',
    ]);
  });

  it('follows rollup sources through sub-table columns', () => {
    const app = clone();
    const columns = app.forms[0]!.fields[8]!.settings!.fields as FieldDef[];
    columns[1]!.defaultFormula = { var: 'followUpCount' };
    app.forms[0]!.fields[8]!.defaultFormula = { var: 'followUpCount' };
    expect(pairs(validateDefinition(app))).toEqual([['forms[0].fields[8]', 'DEPENDENCY_CYCLE']]);
  });

  it('rejects visibility/required/readonly rules depending on a field they control', () => {
    const app = clone();
    app.forms[1]!.logic!.push({
      id: 'lockStage',
      kind: 'readonly',
      when: { '==': [{ var: 'stage' }, 'won'] },
      fields: ['amount', 'stage'],
    });
    expect(validateDefinition(app)).toEqual([
      {
        path: 'forms[1].logic[2].when',
        code: 'LOGIC_SELF_REFERENCE',
        message: 'the readonly rule "lockStage" depends on field "stage", which it controls',
        params: { kind: 'readonly', ruleId: 'lockStage', id: 'stage' },
      },
    ]);
  });
});

describe('sub-tables and patterns', () => {
  it('a sub-table cannot hold a sub-table, section or description', () => {
    const app = clone();
    const columns = app.forms[0]!.fields[8]!.settings!.fields as FieldDef[];
    columns.push(
      { id: 'inner', type: 'subtable', label: 'Inner', settings: { fields: [] } },
      { id: 'heading', type: 'section', label: 'Heading' },
      { id: 'help', type: 'description', label: 'Help' },
    );
    const problems = pairs(validateDefinition(app));
    expect(problems).toContainEqual(['forms[0].fields[8].settings.fields[3].type', 'SUBTABLE_TOO_DEEP']);
    expect(problems).toContainEqual(['forms[0].fields[8].settings.fields[4].type', 'INVALID_SUBTABLE_COLUMN']);
    expect(problems).toContainEqual(['forms[0].fields[8].settings.fields[5].type', 'INVALID_SUBTABLE_COLUMN']);
  });

  it('rejects catastrophic, invalid and over-long patterns; accepts a phone pattern', () => {
    const app = clone();
    app.forms[0]!.fields[0]!.settings = { pattern: '^1[3-9]\\d{9}$' };
    expect(validateDefinition(app)).toEqual([]);
    const withPattern = (pattern: string) => {
      app.forms[0]!.fields[0]!.settings = { pattern };
      return validateDefinition(app);
    };
    expect(withPattern('^(a+)+$')).toMatchObject([
      { path: 'forms[0].fields[0].settings.pattern', code: 'UNSAFE_PATTERN', params: { reason: 'backtracking' } },
    ]);
    expect(withPattern('^(a|a)*$|(x*)*')).toMatchObject([
      { code: 'UNSAFE_PATTERN', params: { reason: 'backtracking' } },
    ]);
    expect(withPattern('([a-z]')).toMatchObject([{ code: 'UNSAFE_PATTERN', params: { reason: 'invalid' } }]);
    expect(withPattern('a'.repeat(501))).toContainEqual(
      expect.objectContaining({ code: 'UNSAFE_PATTERN', params: { reason: 'tooLong', limit: 500 } }),
    );
    expect(withPattern('^[\\u4e00-\\u9fa5]{2,10}$')).toEqual([]);
  });
});

describe('the sample CRM app', () => {
  it('passes with zero problems, as an app and form by form', () => {
    expect(validateDefinition(sampleCrmApp)).toEqual([]);
    for (const form of sampleCrmApp.forms) expect(validateDefinition(form, 'form')).toEqual([]);
  });
});
