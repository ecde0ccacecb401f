import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import type { AppIndex, FormInfo } from './app-index.js';
import { checkDuplicateIds } from './check-duplicates.js';
import { checkRule } from './check-rule.js';
import { checkFieldRef, checkFormRef, MEMBER_TYPES } from './field-refs.js';
import { arr, obj, ownEntries, str, type Obj } from './read.js';

function checkNode(index: AppIndex, form: FormInfo | undefined, node: Obj, path: PathSegments, problems: Problem[]) {
  if (form !== undefined) {
    for (const [fieldId] of ownEntries(node.fieldPermissions)) {
      const at = [...path, 'fieldPermissions', fieldId];
      checkFieldRef(form, fieldId, at, problems, { includeColumns: true });
    }
    arr(node.assignees).forEach((raw, i) => {
      const assignee = obj(raw);
      if (assignee?.kind !== 'field') return;
      checkFieldRef(form, assignee.fieldId, [...path, 'assignees', i, 'fieldId'], problems, { types: MEMBER_TYPES });
    });
  }
  const automationId = str(node.automationId);
  if (node.type === 'action' && automationId !== undefined && index.complete && !index.automations.has(automationId)) {
    problems.push(makeProblem('UNKNOWN_AUTOMATION_REFERENCE', [...path, 'automationId'], { id: automationId }));
  }
}

/** One workflow: node and branch ids unique within it, field references, assignee fields, branch conditions. */
function checkWorkflow(index: AppIndex, workflow: Obj, path: PathSegments, problems: Problem[]): void {
  const form = checkFormRef(index, workflow.formId, [...path, 'formId'], problems);
  const ids = new Set<string>();
  const stack: { nodes: unknown; path: PathSegments }[] = [{ nodes: workflow.nodes, path: [...path, 'nodes'] }];
  while (stack.length > 0) {
    const { nodes, path: at } = stack.pop() as { nodes: unknown; path: PathSegments };
    checkDuplicateIds(nodes, at, 'workflowNode', problems, ids);
    arr(nodes).forEach((raw, i) => {
      const node = obj(raw);
      if (node === undefined) return;
      const nodePath = [...at, i];
      checkNode(index, form, node, nodePath, problems);
      const branches = node.branches;
      checkDuplicateIds(branches, [...nodePath, 'branches'], 'workflowNode', problems, ids);
      arr(branches).forEach((rawBranch, j) => {
        const branch = obj(rawBranch);
        if (branch === undefined) return;
        const branchPath = [...nodePath, 'branches', j];
        if (branch.condition !== undefined) {
          const scope = { form, lenient: form === undefined };
          checkRule(branch.condition, [...branchPath, 'condition'], scope, index, problems);
        }
        stack.push({ nodes: branch.nodes, path: [...branchPath, 'nodes'] });
      });
    });
  }
}

/** Workflows of an app (`prefix` `['workflows']`), or one workflow checked alone (`prefix` `[]`). */
export function checkWorkflows(index: AppIndex, value: unknown, problems: Problem[], prefix: PathSegments): void {
  if (prefix.length === 0) {
    const workflow = obj(value);
    if (workflow !== undefined) checkWorkflow(index, workflow, [], problems);
    return;
  }
  checkDuplicateIds(value, prefix, 'workflow', problems);
  arr(value).forEach((raw, i) => {
    const workflow = obj(raw);
    if (workflow !== undefined) checkWorkflow(index, workflow, [...prefix, i], problems);
  });
}
