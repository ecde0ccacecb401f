import { describe, expect, it } from 'vitest';
import type { AppDef } from '../app.js';
import type { AutomationAction } from '../automation.js';
import { sampleCrmApp } from '../fixtures/index.js';
import type { Problem } from '../problem.js';
import type { WorkflowBranch } from '../workflow.js';
import { validateDefinition } from '../validate/validate-definition.js';

const clone = (): AppDef => structuredClone(sampleCrmApp);
const pairs = (problems: Problem[]) => problems.map((p) => [p.path, p.code]);

describe('references', () => {
  it('layout rows: unknown fields and fields placed twice', () => {
    const app = clone();
    app.forms[0]!.layout![0]!.fields = ['phone', 'fax'];
    app.forms[0]!.layout![1]!.fields = ['tier', 'phone'];
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[0].layout[0].fields[1]', 'UNKNOWN_FIELD_REFERENCE'],
      ['forms[0].layout[1].fields[1]', 'DUPLICATE_LAYOUT_FIELD'],
    ]);
  });

  it('logic rule targets and the title field', () => {
    const app = clone();
    (app.forms[1]!.logic![0] as { fields: string[] }).fields = ['lossReason', 'nope'];
    app.forms[1]!.logic!.push({ id: 'setAmount', kind: 'assign', field: 'ghost', value: 1 });
    app.forms[1]!.settings!.titleField = 'missing';
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[1].logic[0].fields[1]', 'UNKNOWN_FIELD_REFERENCE'],
      ['forms[1].logic[2].field', 'UNKNOWN_FIELD_REFERENCE'],
      ['forms[1].settings.titleField', 'UNKNOWN_FIELD_REFERENCE'],
    ]);
  });

  it('views: form, fields, sort, groupBy, sumField, dateField, coverField, filter and options', () => {
    const app = clone();
    const view = app.views![0]!;
    view.fields = ['title', 'nope'];
    view.sort = [{ field: 'gone', direction: 'desc' }];
    view.groupBy = 'amount';
    view.sumField = 'title';
    view.dateField = 'stage';
    view.coverField = 'title';
    view.filter = {
      and: [
        { field: 'stage', op: 'in', value: ['won', 'cancelled'] },
        { field: 'x', op: 'isEmpty' },
      ],
    };
    app.views!.push({ id: 'other', formId: 'leads', name: 'Leads', type: 'grid' });
    expect(pairs(validateDefinition(app))).toEqual([
      ['views[0].fields[1]', 'UNKNOWN_FIELD_REFERENCE'],
      ['views[0].sort[0].field', 'UNKNOWN_FIELD_REFERENCE'],
      ['views[0].groupBy', 'WRONG_FIELD_TYPE'],
      ['views[0].sumField', 'WRONG_FIELD_TYPE'],
      ['views[0].dateField', 'WRONG_FIELD_TYPE'],
      ['views[0].coverField', 'WRONG_FIELD_TYPE'],
      ['views[0].filter.and[0].value[1]', 'UNKNOWN_OPTION'],
      ['views[0].filter.and[1].field', 'UNKNOWN_FIELD_REFERENCE'],
      ['views[1].formId', 'UNKNOWN_FORM_REFERENCE'],
    ]);
  });

  it('soft-deleted fields cannot be referenced', () => {
    const app = clone();
    app.forms[1]!.fields[3]!.deleted = true;
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[1].layout[0].fields[0]', 'DELETED_FIELD_REFERENCE'],
      ['views[0].fields[2]', 'DELETED_FIELD_REFERENCE'],
      ['views[0].sumField', 'DELETED_FIELD_REFERENCE'],
      ['dashboards[0].widgets[0].measures[0].field', 'DELETED_FIELD_REFERENCE'],
    ]);
    const rule = clone();
    rule.forms[1]!.fields[2]!.deleted = true;
    rule.views = [];
    rule.dashboards = [];
    expect(pairs(validateDefinition(rule))).toEqual([
      ['forms[1].logic[0].when["=="][0].var', 'DELETED_FIELD_REFERENCE'],
      ['forms[1].logic[1].when["=="][0].var', 'DELETED_FIELD_REFERENCE'],
    ]);
  });

  it('permission groups: form, field keys, row filter', () => {
    const app = clone();
    const group = app.permissionGroups![0]!;
    group.fields = { annualRevenue: 'read', salary: 'hidden' };
    group.rowFilter = {
      or: [
        { field: 'tier', op: 'eq', value: 'tierZ' },
        { field: 'boss', op: 'isCurrentMember' },
      ],
    };
    app.permissionGroups!.push({ ...structuredClone(group), id: 'g2', formId: 'nowhere' });
    expect(pairs(validateDefinition(app))).toEqual([
      ['permissionGroups[0].fields.salary', 'UNKNOWN_FIELD_REFERENCE'],
      ['permissionGroups[0].rowFilter.or[0].value', 'UNKNOWN_OPTION'],
      ['permissionGroups[0].rowFilter.or[1].field', 'UNKNOWN_FIELD_REFERENCE'],
      ['permissionGroups[1].formId', 'UNKNOWN_FORM_REFERENCE'],
    ]);
  });

  it('workflows: form, field permissions, assignee fields, action automations', () => {
    const app = clone();
    const workflow = app.workflows![0]!;
    workflow.nodes[0] = {
      id: 'start',
      type: 'start',
      fieldPermissions: { contractAmount: 'editable', bonus: 'hidden' },
    };
    const branches = (workflow.nodes[2] as { branches: WorkflowBranch[] }).branches;
    branches[1]!.nodes.push(
      { id: 'ownerFill', type: 'fill', assignees: [{ kind: 'field', fieldId: 'signedAt' }] },
      { id: 'archive', type: 'action', automationId: 'archiveContract' },
    );
    app.workflows!.push({ ...structuredClone(workflow), id: 'w2', formId: 'deals' });
    const problems = pairs(validateDefinition(app));
    expect(problems).toEqual([
      ['workflows[0].nodes[0].fieldPermissions.bonus', 'UNKNOWN_FIELD_REFERENCE'],
      ['workflows[0].nodes[2].branches[1].nodes[0].assignees[0].fieldId', 'WRONG_FIELD_TYPE'],
      ['workflows[0].nodes[2].branches[1].nodes[1].automationId', 'UNKNOWN_AUTOMATION_REFERENCE'],
      ['workflows[1].formId', 'UNKNOWN_FORM_REFERENCE'],
      ['workflows[1].nodes[2].branches[1].nodes[1].automationId', 'UNKNOWN_AUTOMATION_REFERENCE'],
    ]);
  });

  it('automations: trigger form, workflow, fields, dateField; action forms, mapping, matchField, workflows', () => {
    const app = clone();
    const actions: AutomationAction[] = [
      {
        id: 'a1',
        type: 'createRecord',
        formId: 'opportunities',
        mapping: { customer: { var: 'contractAmount' }, nope: 1 },
      },
      { id: 'a2', type: 'upsertRecord', formId: 'contracts', matchField: 'serialNo', mapping: {} },
      { id: 'a3', type: 'startWorkflow', workflowId: 'unknownFlow' },
      { id: 'a4', type: 'deleteRecords', formId: 'ghosts', filter: { and: [] } },
      {
        id: 'a5',
        type: 'updateRecords',
        formId: 'customers',
        filter: { field: 'tier', op: 'eq', value: 'vip' },
        mapping: {},
      },
    ];
    app.automations!.push(
      {
        id: 'b1',
        name: 'B1',
        trigger: { type: 'recordUpdated', formId: 'opportunities', fields: ['stage', 'nope'] },
        actions,
      },
      {
        id: 'b2',
        name: 'B2',
        trigger: { type: 'dateRelative', formId: 'contracts', dateField: 'contractAmount', offsetDays: -3 },
        actions: [actions[2]!],
      },
      { id: 'b3', name: 'B3', trigger: { type: 'workflowEnded', workflowId: 'missingFlow' }, actions: [actions[2]!] },
    );
    expect(pairs(validateDefinition(app))).toEqual([
      ['automations[1].trigger.fields[1]', 'UNKNOWN_FIELD_REFERENCE'],
      ['automations[1].actions[0].mapping.customer.var', 'RULE_CROSS_FORM_REFERENCE'],
      ['automations[1].actions[0].mapping.nope', 'UNKNOWN_FIELD_REFERENCE'],
      ['automations[1].actions[1].matchField', 'UNKNOWN_FIELD_REFERENCE'],
      ['automations[1].actions[2].workflowId', 'UNKNOWN_WORKFLOW_REFERENCE'],
      ['automations[1].actions[3].formId', 'UNKNOWN_FORM_REFERENCE'],
      ['automations[1].actions[4].filter.value', 'UNKNOWN_OPTION'],
      ['automations[2].trigger.dateField', 'WRONG_FIELD_TYPE'],
      ['automations[2].actions[0].workflowId', 'UNKNOWN_WORKFLOW_REFERENCE'],
      ['automations[3].trigger.workflowId', 'UNKNOWN_WORKFLOW_REFERENCE'],
      ['automations[3].actions[0].workflowId', 'UNKNOWN_WORKFLOW_REFERENCE'],
    ]);
  });

  it('dashboards: widget form, dimensions, measures', () => {
    const app = clone();
    const widget = app.dashboards![0]!.widgets[0]!;
    widget.dimensions = [{ field: 'phase' }];
    widget.measures = [{ id: 'm1', agg: 'sum', field: 'title' }];
    app.dashboards![0]!.widgets.push({ ...structuredClone(widget), id: 'w2', formId: 'nope' });
    expect(pairs(validateDefinition(app))).toEqual([
      ['dashboards[0].widgets[0].dimensions[0].field', 'UNKNOWN_FIELD_REFERENCE'],
      ['dashboards[0].widgets[0].measures[0].field', 'WRONG_FIELD_TYPE'],
      ['dashboards[0].widgets[1].formId', 'UNKNOWN_FORM_REFERENCE'],
    ]);
  });

  it('relation, lookup and rollup settings', () => {
    const app = clone();
    app.forms[2]!.fields[0]!.settings = { formId: 'deals' };
    app.forms[1]!.fields[5]!.settings = { relationField: 'customer', field: 'revenue' };
    app.forms[0]!.fields[9]!.settings = { source: 'followups', field: 'followScore', aggregation: 'sum' };
    app.forms[0]!.fields.push(
      { id: 'badLookup', type: 'lookup', label: 'L', settings: { relationField: 'owner', field: 'x' } },
      { id: 'badRollup', type: 'rollup', label: 'R', settings: { source: 'tier', aggregation: 'count' } },
    );
    expect(pairs(validateDefinition(app))).toEqual([
      ['forms[0].fields[9].settings.field', 'UNKNOWN_FIELD_REFERENCE'],
      ['forms[0].fields[11].settings.relationField', 'WRONG_FIELD_TYPE'],
      ['forms[0].fields[12].settings.source', 'WRONG_FIELD_TYPE'],
      ['forms[1].fields[5].settings.field', 'UNKNOWN_FIELD_REFERENCE'],
      ['forms[2].fields[0].settings.formId', 'UNKNOWN_FORM_REFERENCE'],
    ]);
  });
});
