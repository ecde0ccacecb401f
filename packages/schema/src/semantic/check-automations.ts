import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import type { AppIndex, FormInfo } from './app-index.js';
import { checkDuplicateIds } from './check-duplicates.js';
import { checkFilter } from './check-filter.js';
import { checkRule, type RuleScope } from './check-rule.js';
import { checkFieldRef, checkFormRef, DATE_TYPES } from './field-refs.js';
import { arr, obj, ownEntries, str, type Obj } from './read.js';

function checkWorkflowRef(index: AppIndex, ref: unknown, path: PathSegments, problems: Problem[]): Obj | undefined {
  const id = str(ref);
  if (id === undefined) return undefined;
  const workflow = index.workflows.get(id);
  if (workflow === undefined && index.complete) problems.push(makeProblem('UNKNOWN_WORKFLOW_REFERENCE', path, { id }));
  return workflow;
}

/** The trigger's form (the trigger record's form), and whether the trigger has a record at all. */
function triggerScope(index: AppIndex, trigger: Obj | undefined, path: PathSegments, problems: Problem[]): RuleScope {
  const type = str(trigger?.type);
  if (trigger === undefined || type === undefined) return { form: undefined, lenient: true };
  let form: FormInfo | undefined;
  if (type === 'workflowEnded') {
    const workflow = checkWorkflowRef(index, trigger.workflowId, [...path, 'workflowId'], problems);
    form = index.forms.get(str(workflow?.formId) ?? '');
    return { form, lenient: form === undefined };
  }
  if (type === 'schedule' && trigger.formId === undefined) return { form: undefined, lenient: !index.complete };
  form = checkFormRef(index, trigger.formId, [...path, 'formId'], problems);
  if (form !== undefined && type === 'recordUpdated') {
    arr(trigger.fields).forEach((ref, i) => checkFieldRef(form, ref, [...path, 'fields', i], problems));
  }
  if (form !== undefined && type === 'dateRelative') {
    checkFieldRef(form, trigger.dateField, [...path, 'dateField'], problems, { types: DATE_TYPES });
  }
  return { form, lenient: form === undefined };
}

function checkAction(index: AppIndex, action: Obj, path: PathSegments, scope: RuleScope, problems: Problem[]) {
  const type = str(action.type);
  const target = type === 'setFields' ? scope.form : checkFormRef(index, action.formId, [...path, 'formId'], problems);
  for (const [fieldId, rule] of ownEntries(action.mapping)) {
    const at = [...path, 'mapping', fieldId];
    if (target !== undefined) checkFieldRef(target, fieldId, at, problems);
    checkRule(rule, at, scope, index, problems);
  }
  if (target !== undefined && action.matchField !== undefined) {
    checkFieldRef(target, action.matchField, [...path, 'matchField'], problems);
  }
  if (target !== undefined && action.filter !== undefined) {
    checkFilter(action.filter, [...path, 'filter'], target, problems);
  }
  arr(action.to).forEach((rule, i) => checkRule(rule, [...path, 'to', i], scope, index, problems));
  if (type === 'webhook' && action.body !== undefined)
    checkRule(action.body, [...path, 'body'], scope, index, problems);
  if (type === 'startWorkflow') checkWorkflowRef(index, action.workflowId, [...path, 'workflowId'], problems);
}

function checkAutomation(index: AppIndex, automation: Obj, path: PathSegments, problems: Problem[]): void {
  const scope = triggerScope(index, obj(automation.trigger), [...path, 'trigger'], problems);
  if (automation.condition !== undefined) {
    checkRule(automation.condition, [...path, 'condition'], scope, index, problems);
  }
  checkDuplicateIds(automation.actions, [...path, 'actions'], 'action', problems);
  arr(automation.actions).forEach((raw, i) => {
    const action = obj(raw);
    if (action !== undefined) checkAction(index, action, [...path, 'actions', i], scope, problems);
  });
}

/** Automations of an app (`prefix` `['automations']`), or one automation checked alone (`prefix` `[]`). */
export function checkAutomations(index: AppIndex, value: unknown, problems: Problem[], prefix: PathSegments): void {
  if (prefix.length === 0) {
    const automation = obj(value);
    if (automation !== undefined) checkAutomation(index, automation, [], problems);
    return;
  }
  checkDuplicateIds(value, prefix, 'automation', problems);
  arr(value).forEach((raw, i) => {
    const automation = obj(raw);
    if (automation !== undefined) checkAutomation(index, automation, [...prefix, i], problems);
  });
}
