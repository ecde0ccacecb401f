import { describe, expect, it } from 'vitest';
import type { AppDef } from '../app.js';
import type { FieldDef, SelectOption } from '../field.js';
import { sampleCrmApp } from '../fixtures/index.js';
import type { Problem } from '../problem.js';
import type { WorkflowBranch } from '../workflow.js';
import { validateDefinition } from '../validate/validate-definition.js';

const clone = (): AppDef => structuredClone(sampleCrmApp);
const only = (problems: Problem[]) => problems.map((p) => [p.path, p.code, p.message]);

describe('duplicate ids', () => {
  it('option ids within a field', () => {
    const app = clone();
    const options = app.forms[1]!.fields[2]!.settings!.options as SelectOption[];
    options[1]!.id = 'won';
    expect(only(validateDefinition(app))).toEqual([
      ['forms[1].fields[2].settings.options[4].id', 'DUPLICATE_ID', 'duplicate option id "won"'],
    ]);
  });

  it('forms, and field ids across a form including sub-table columns', () => {
    const app = clone();
    app.forms[2]!.id = 'customers';
    const columns = app.forms[0]!.fields[8]!.settings!.fields as FieldDef[];
    columns[1]!.id = 'phone';
    const problems = validateDefinition(app).map((p) => [p.path, p.code]);
    expect(problems).toContainEqual(['forms[2].id', 'DUPLICATE_ID']);
    expect(problems).toContainEqual(['forms[0].fields[8].settings.fields[1].id', 'DUPLICATE_ID']);
  });

  it('layout rows, logic rules and field keys', () => {
    const app = clone();
    app.forms[0]!.layout![1]!.id = 'rowContact';
    app.forms[1]!.logic![1]!.id = 'showLossReason';
    app.forms[0]!.fields[2]!.key = 'contact';
    app.forms[0]!.fields[1]!.key = 'contact';
    app.forms[0]!.fields[4]!.key = 'name';
    expect(validateDefinition(app).map((p) => [p.path, p.code])).toEqual([
      ['forms[0].fields[2].key', 'DUPLICATE_FIELD_KEY'],
      ['forms[0].fields[4].key', 'DUPLICATE_FIELD_KEY'],
      ['forms[0].layout[1].id', 'DUPLICATE_ID'],
      ['forms[1].logic[1].id', 'DUPLICATE_ID'],
    ]);
  });

  it('views, workflows, automations, dashboards and permission groups across the app', () => {
    const app = clone();
    app.views!.push({ ...structuredClone(app.views![0]!) });
    app.workflows!.push({ ...structuredClone(app.workflows![0]!) });
    app.automations!.push({ ...structuredClone(app.automations![0]!) });
    app.dashboards!.push({ ...structuredClone(app.dashboards![0]!) });
    app.permissionGroups!.push({ ...structuredClone(app.permissionGroups![0]!) });
    expect(validateDefinition(app).map((p) => [p.path, p.code, p.params?.entity])).toEqual([
      ['views[1].id', 'DUPLICATE_ID', 'view'],
      ['workflows[1].id', 'DUPLICATE_ID', 'workflow'],
      ['automations[1].id', 'DUPLICATE_ID', 'automation'],
      ['dashboards[1].id', 'DUPLICATE_ID', 'dashboard'],
      ['permissionGroups[1].id', 'DUPLICATE_ID', 'permissionGroup'],
    ]);
  });

  it('workflow nodes and branches, automation actions, widgets and measures', () => {
    const app = clone();
    const branches = (app.workflows![0]!.nodes[2] as { branches: WorkflowBranch[] }).branches;
    branches[1]!.nodes.push({ id: 'managerApproval', type: 'cc', assignees: [{ kind: 'submitter' }] });
    branches[1]!.id = 'largeContract';
    app.automations![0]!.actions.push({ ...structuredClone(app.automations![0]!.actions[0]!) });
    const widget = app.dashboards![0]!.widgets[0]!;
    app.dashboards![0]!.widgets.push(structuredClone(widget));
    widget.measures.push({ id: 'totalAmount', agg: 'count' });
    expect(validateDefinition(app).map((p) => [p.path, p.code])).toEqual([
      ['workflows[0].nodes[2].branches[1].id', 'DUPLICATE_ID'],
      ['workflows[0].nodes[2].branches[1].nodes[0].id', 'DUPLICATE_ID'],
      ['automations[0].actions[1].id', 'DUPLICATE_ID'],
      ['dashboards[0].widgets[1].id', 'DUPLICATE_ID'],
      ['dashboards[0].widgets[0].measures[1].id', 'DUPLICATE_ID'],
    ]);
  });
});
