import type { Problem } from '../problem.js';
import { makeProblem } from '../problems/make-problem.js';
import { columnsOf, type AppIndex, type FieldInfo, type FormInfo } from './app-index.js';
import { checkDuplicateIds } from './check-duplicates.js';
import { checkPattern } from './check-pattern.js';
import { checkRule } from './check-rule.js';
import { checkFieldRef, checkFormRef } from './field-refs.js';
import { str } from './read.js';

/** field id → field ids it depends on (formula, default formula, lookup, rollup, assign rules). */
export type DependencyGraph = Map<string, Set<string>>;

export function addEdges(graph: DependencyGraph, from: string, to: Iterable<string>): void {
  const set = graph.get(from) ?? new Set<string>();
  for (const id of to) set.add(id);
  graph.set(from, set);
}

function checkKeys(fields: readonly FieldInfo[], problems: Problem[]): void {
  const keys = new Map<string, string>();
  for (const field of fields) {
    const key = str(field.def.key) ?? field.id;
    const other = keys.get(key);
    if (other === undefined) keys.set(key, field.id);
    else if (other !== field.id) {
      const at = field.def.key === undefined ? 'id' : 'key';
      problems.push(makeProblem('DUPLICATE_FIELD_KEY', [...field.path, at], { key, otherId: other }));
    }
  }
}

/** The fields a row-scoped rule of `field` may read: its sub-table's columns (for a column). */
function rowOf(form: FormInfo, field: FieldInfo): Map<string, FieldInfo> | undefined {
  return field.parent === undefined ? undefined : columnsOf(form, field.parent);
}

/** Lookup/rollup/relation settings: referenced forms and fields exist and have the right types. */
function checkRelationSettings(index: AppIndex, form: FormInfo, field: FieldInfo, problems: Problem[]): string[] {
  const settings = field.settings;
  if (settings === undefined) return [];
  const at = [...field.path, 'settings'];
  const resolveLocal = (ref: unknown, key: string, types: readonly string[]) => {
    const sibling = field.parent === undefined ? undefined : rowOf(form, field)?.get(str(ref) ?? '');
    if (sibling !== undefined && types.includes(sibling.type) && !sibling.deleted) return sibling;
    return checkFieldRef(form, ref, [...at, key], problems, { types });
  };
  if (field.type === 'relation') checkFormRef(index, settings.formId, [...at, 'formId'], problems);
  if (field.type === 'lookup') {
    const relation = resolveLocal(settings.relationField, 'relationField', ['relation']);
    if (relation === undefined) return [];
    const target = index.forms.get(str(relation.settings?.formId) ?? '');
    if (target !== undefined) checkFieldRef(target, settings.field, [...at, 'field'], problems);
    return [relation.id];
  }
  if (field.type === 'rollup') {
    const source = resolveLocal(settings.source, 'source', ['subtable', 'relation']);
    if (source === undefined) return [];
    const rowForm =
      source.type === 'subtable'
        ? { ...form, fields: columnsOf(form, source) }
        : index.forms.get(str(source.settings?.formId) ?? '');
    if (rowForm !== undefined) {
      if (settings.field !== undefined) checkFieldRef(rowForm, settings.field, [...at, 'field'], problems);
      if (settings.condition !== undefined) {
        const row = source.type === 'subtable' ? rowForm.fields : rowForm.all;
        checkRule(settings.condition, [...at, 'condition'], { form, row }, index, problems);
      }
    }
    return [source.id];
  }
  return [];
}

/**
 * Per-field checks of one form: duplicate ids/keys/options, sub-table nesting, patterns, relation/lookup/rollup
 * settings and field rules. Returns the dependency graph of the fields.
 */
export function checkFormFields(index: AppIndex, form: FormInfo, problems: Problem[]): DependencyGraph {
  const graph: DependencyGraph = new Map();
  const seen = new Set<string>();
  for (const field of form.list) {
    if (seen.has(field.id))
      problems.push(makeProblem('DUPLICATE_ID', [...field.path, 'id'], { entity: 'field', id: field.id }));
    seen.add(field.id);
  }
  checkKeys(
    form.list.filter((f) => f.parent === undefined),
    problems,
  );
  for (const field of form.list) {
    if (field.type === 'subtable')
      checkKeys(
        form.list.filter((f) => f.parent === field),
        problems,
      );
    if (field.parent !== undefined) {
      if (field.type === 'subtable') problems.push(makeProblem('SUBTABLE_TOO_DEEP', [...field.path, 'type']));
      if (field.type === 'section' || field.type === 'description') {
        problems.push(makeProblem('INVALID_SUBTABLE_COLUMN', [...field.path, 'type'], { type: field.type }));
      }
    }
    const settings = field.settings;
    if (Array.isArray(settings?.options)) {
      checkDuplicateIds(settings.options, [...field.path, 'settings', 'options'], 'option', problems);
    }
    const pattern = str(settings?.pattern);
    if (pattern !== undefined) checkPattern(pattern, [...field.path, 'settings', 'pattern'], problems);
    addEdges(graph, field.id, checkRelationSettings(index, form, field, problems));
    const scope = { form, row: rowOf(form, field) };
    if (field.def.defaultFormula !== undefined) {
      addEdges(
        graph,
        field.id,
        checkRule(field.def.defaultFormula, [...field.path, 'defaultFormula'], scope, index, problems),
      );
    }
    if (field.type === 'formula' && settings?.formula !== undefined) {
      const path = [...field.path, 'settings', 'formula'];
      addEdges(graph, field.id, checkRule(settings.formula, path, scope, index, problems));
    }
  }
  return graph;
}
