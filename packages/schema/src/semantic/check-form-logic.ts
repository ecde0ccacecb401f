import type { Problem } from '../problem.js';
import { makeProblem } from '../problems/make-problem.js';
import type { AppIndex, FormInfo } from './app-index.js';
import { checkDuplicateIds } from './check-duplicates.js';
import { addEdges, type DependencyGraph } from './check-form-fields.js';
import { checkRule } from './check-rule.js';
import { checkFieldRef } from './field-refs.js';
import { arr, obj, str } from './read.js';

/** Layout rows: unique row ids, known fields, each field placed once. */
export function checkLayout(form: FormInfo, problems: Problem[]): void {
  const layout = form.def.layout;
  checkDuplicateIds(layout, [...form.path, 'layout'], 'layoutRow', problems);
  const placed = new Set<string>();
  arr(layout).forEach((row, i) => {
    arr(obj(row)?.fields).forEach((ref, j) => {
      const path = [...form.path, 'layout', i, 'fields', j];
      const field = checkFieldRef(form, ref, path, problems);
      if (field === undefined) return;
      if (placed.has(field.id)) problems.push(makeProblem('DUPLICATE_LAYOUT_FIELD', path, { id: field.id }));
      placed.add(field.id);
    });
  });
}

/**
 * Logic rules: unique ids, known targets, rule vars; `assign` rules add dependency edges; visibility, required and
 * read-only rules may not depend on a field they control.
 */
export function checkLogic(index: AppIndex, form: FormInfo, graph: DependencyGraph, problems: Problem[]): void {
  const logic = form.def.logic;
  checkDuplicateIds(logic, [...form.path, 'logic'], 'logicRule', problems);
  arr(logic).forEach((raw, i) => {
    const rule = obj(raw);
    if (rule === undefined) return;
    const path = [...form.path, 'logic', i];
    const kind = str(rule.kind);
    const scope = { form };
    const whenDeps =
      rule.when === undefined ? new Set<string>() : checkRule(rule.when, [...path, 'when'], scope, index, problems);
    if (kind === 'assign') {
      const valueDeps = checkRule(rule.value, [...path, 'value'], scope, index, problems);
      const target = checkFieldRef(form, rule.field, [...path, 'field'], problems);
      if (target !== undefined) addEdges(graph, target.id, [...whenDeps, ...valueDeps]);
      return;
    }
    arr(rule.fields).forEach((ref, j) => {
      const target = checkFieldRef(form, ref, [...path, 'fields', j], problems);
      if (target === undefined || kind === 'validate' || !whenDeps.has(target.id)) return;
      const ruleId = str(rule.id) ?? '';
      problems.push(
        makeProblem('LOGIC_SELF_REFERENCE', [...path, 'when'], { kind: kind ?? '', ruleId, id: target.id }),
      );
    });
  });
  const titleField = obj(form.def.settings)?.titleField;
  if (titleField !== undefined) checkFieldRef(form, titleField, [...form.path, 'settings', 'titleField'], problems);
}
