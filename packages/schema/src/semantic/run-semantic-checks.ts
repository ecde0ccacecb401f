import type { Problem } from '../problem.js';
import type { DefinitionKind } from '../validate/definition-kind.js';
import { buildAppIndex, type AppIndex } from './app-index.js';
import { checkAutomations } from './check-automations.js';
import { checkCycles } from './check-cycles.js';
import { checkDuplicateIds } from './check-duplicates.js';
import { checkFormFields } from './check-form-fields.js';
import { checkLayout, checkLogic } from './check-form-logic.js';
import { checkDashboards, checkPermissionGroups, checkViews } from './check-views.js';
import { checkWorkflows } from './check-workflows.js';
import { arr, obj } from './read.js';

export type SemanticOptions = {
  /** The rule operators the engine registers: a rule using any other is reported as UNKNOWN_OPERATOR. */
  ruleOperators?: { has(name: string): boolean };
};

function checkForms(index: AppIndex, problems: Problem[]): void {
  for (const form of index.forms.values()) {
    const graph = checkFormFields(index, form, problems);
    checkLayout(form, problems);
    checkLogic(index, form, graph, problems);
    checkCycles(form, graph, problems);
  }
}

/**
 * Meaning checks after the structural ones: duplicate ids, references, rule vars, dependency cycles, sub-table
 * nesting and designer patterns. They read the value defensively, so they run on whatever parts are sound.
 */
export function runSemanticChecks(value: unknown, kind: DefinitionKind, options: SemanticOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const root = obj(value);
  if (root === undefined) return problems;
  if (kind === 'app') {
    const forms = arr(root.forms).map((def, i) => ({ def, path: ['forms', i] }));
    const index = buildAppIndex(forms, root, options.ruleOperators);
    checkDuplicateIds(root.forms, ['forms'], 'form', problems);
    checkForms(index, problems);
    checkViews(index, root.views, problems);
    checkWorkflows(index, root.workflows, problems, ['workflows']);
    checkAutomations(index, root.automations, problems, ['automations']);
    checkDashboards(index, root.dashboards, problems);
    checkPermissionGroups(index, root.permissionGroups, problems);
    return problems;
  }
  const index = buildAppIndex(kind === 'form' ? [{ def: root, path: [] }] : [], undefined, options.ruleOperators);
  if (kind === 'form') checkForms(index, problems);
  if (kind === 'workflow') checkWorkflows(index, root, problems, []);
  if (kind === 'automation') checkAutomations(index, root, problems, []);
  if (kind === 'dashboard') checkDashboards(index, root, problems, []);
  return problems;
}
