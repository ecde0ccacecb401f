import { describe, expect, it } from 'vitest';
import type { AppDef } from '../app.js';
import type { FieldDef } from '../field.js';
import { sampleCrmApp } from '../fixtures/index.js';
import type { Problem } from '../problem.js';
import type { Rule } from '../rule.js';
import type { WorkflowBranch } from '../workflow.js';
import { validateDefinition } from '../validate/validate-definition.js';

const clone = (): AppDef => structuredClone(sampleCrmApp);
const pairs = (problems: Problem[]) => problems.map((p) => [p.path, p.code]);

/** Validates the app with `when` as the first logic rule of opportunities. */
function withWhen(when: Rule): string[][] {
  const app = clone();
  app.forms[1]!.logic![0]!.when = when;
  return pairs(validateDefinition(app)) as string[][];
}

describe('rule vars', () => {
  it('accept own fields, context variables, and var in its string, number and array forms', () => {
    expect(
      withWhen({ and: [{ var: 'stage' }, { var: ['amount', 0] }, { var: '$member.id' }, { var: '$today' }] }),
    ).toEqual([]);
    expect(withWhen({ missing: ['stage', 'amount'] })).toEqual([]);
    expect(withWhen({ missing_some: [1, ['stage', 'title']] })).toEqual([]);
    expect(withWhen({ '==': [{ var: 'customer.name' }, 'x'] })).toEqual([]);
  });

  it('reports unknown fields, unknown context names and fields of other forms', () => {
    expect(withWhen({ var: 'phase' })).toEqual([['forms[1].logic[0].when.var', 'UNKNOWN_FIELD_REFERENCE']]);
    expect(withWhen({ var: 7 })).toEqual([['forms[1].logic[0].when.var', 'UNKNOWN_FIELD_REFERENCE']]);
    expect(withWhen({ var: ['nope', 1] })).toEqual([['forms[1].logic[0].when.var[0]', 'UNKNOWN_FIELD_REFERENCE']]);
    expect(withWhen({ var: '$boss' })).toEqual([['forms[1].logic[0].when.var', 'UNKNOWN_VARIABLE']]);
    expect(withWhen({ '>': [{ var: 'annualRevenue' }, 1] })).toEqual([
      ['forms[1].logic[0].when[">"][0].var', 'RULE_CROSS_FORM_REFERENCE'],
    ]);
    expect(withWhen({ missing: ['stage', 'signedAt'] })).toEqual([
      ['forms[1].logic[0].when.missing[1]', 'RULE_CROSS_FORM_REFERENCE'],
    ]);
    expect(withWhen({ missing_some: [1, ['ghost']] })).toEqual([
      ['forms[1].logic[0].when.missing_some[1][0]', 'UNKNOWN_FIELD_REFERENCE'],
    ]);
  });

  it('rejects forbidden path segments and computed paths', () => {
    expect(withWhen({ var: 'constructor.constructor' })).toEqual([['forms[1].logic[0].when.var', 'FORBIDDEN_KEY']]);
    expect(withWhen({ var: 'stage.__proto__' })).toEqual([['forms[1].logic[0].when.var', 'FORBIDDEN_KEY']]);
    expect(withWhen({ var: ['prototype'] })).toEqual([['forms[1].logic[0].when.var[0]', 'FORBIDDEN_KEY']]);
    expect(withWhen({ var: { cat: ['st', 'age'] } })).toEqual([['forms[1].logic[0].when.var', 'DYNAMIC_VAR_PATH']]);
  });

  it('accepts sub-table columns in item scope, and current/accumulator in reduce', () => {
    const app = clone();
    const formula: Rule = {
      reduce: [
        { filter: [{ var: 'followups' }, { '==': [{ var: 'followResult' }, 'interested'] }] },
        { '+': [{ var: 'accumulator' }, { var: 'current.followNote' }] },
        0,
      ],
    };
    app.forms[0]!.fields[10]!.settings!.formula = formula;
    expect(validateDefinition(app)).toEqual([]);
    app.forms[0]!.fields[10]!.settings!.formula = { '+': [{ var: 'followNote' }, { var: 'accumulator' }] };
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[0].fields[10].settings.formula["+"][0].var', 'UNKNOWN_FIELD_REFERENCE'],
      ['forms[0].fields[10].settings.formula["+"][1].var', 'UNKNOWN_FIELD_REFERENCE'],
    ]);
  });

  it('rollup conditions read the row: columns or related-form fields', () => {
    const app = clone();
    app.forms[0]!.fields[9]!.settings!.condition = { '==': [{ var: 'followResult' }, 'interested'] };
    expect(validateDefinition(app)).toEqual([]);
    app.forms[0]!.fields[9]!.settings!.condition = { '==': [{ var: 'stage' }, 'won'] };
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[0].fields[9].settings.condition["=="][0].var', 'RULE_CROSS_FORM_REFERENCE'],
    ]);
    const viaRelation = clone();
    viaRelation.forms[2]!.fields.push({
      id: 'wonCustomers',
      type: 'rollup',
      label: 'Won',
      settings: {
        source: 'opportunity',
        aggregation: 'sum',
        field: 'amount',
        condition: { '==': [{ var: 'stage' }, 'won'] },
      },
    });
    expect(validateDefinition(viaRelation)).toEqual([]);
  });

  it('checks default formulas, automation conditions and mappings, workflow branch conditions', () => {
    const app = clone();
    app.forms[2]!.fields[2]!.defaultFormula = { var: 'lastFollowUp' };
    app.automations![0]!.condition = { '==': [{ var: 'stage' }, 'won'] };
    app.automations![0]!.actions.push({
      id: 'touch',
      type: 'setFields',
      mapping: { lastFollowUp: { var: 'expectedClose' } },
    });
    const branches = (app.workflows![0]!.nodes[2] as { branches: WorkflowBranch[] }).branches;
    branches[0]!.condition = { '>': [{ var: 'amount' }, 100000] };
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[2].fields[2].defaultFormula.var', 'RULE_CROSS_FORM_REFERENCE'],
      ['workflows[0].nodes[2].branches[0].condition[">"][0].var', 'RULE_CROSS_FORM_REFERENCE'],
      ['automations[0].condition["=="][0].var', 'RULE_CROSS_FORM_REFERENCE'],
      ['automations[0].actions[1].mapping.lastFollowUp.var', 'RULE_CROSS_FORM_REFERENCE'],
    ]);
  });

  it('a schedule without a form has no record: field vars are reported', () => {
    const app = clone();
    delete (app.automations![0]!.trigger as { formId?: string }).formId;
    const problems = pairs(validateDefinition(app));
    expect(problems).toContainEqual(['automations[0].condition.and[0]["=="][0].var', 'RULE_CROSS_FORM_REFERENCE']);
  });

  it('checks vars inside sub-table column formulas against sibling columns', () => {
    const app = clone();
    const columns = app.forms[0]!.fields[8]!.settings!.fields as FieldDef[];
    columns.push({
      id: 'summary',
      type: 'text',
      label: 'S',
      defaultFormula: { cat: [{ var: 'followNote' }, { var: 'name' }] },
    });
    expect(validateDefinition(app)).toEqual([]);
    columns[3]!.defaultFormula = { var: 'gone' };
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[0].fields[8].settings.fields[3].defaultFormula.var', 'UNKNOWN_FIELD_REFERENCE'],
    ]);
  });
});
