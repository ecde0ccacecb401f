import type { Problem } from '../problem.js';
import { makeProblem, type PathSegments } from '../problems/make-problem.js';
import type { AppIndex, FieldInfo, FormInfo } from './app-index.js';
import { str } from './read.js';

export type FieldRefOptions = { types?: readonly string[]; includeColumns?: boolean };

export const NUMERIC_TYPES = ['number', 'money', 'percent', 'rating', 'formula', 'rollup'] as const;
export const DATE_TYPES = ['date', 'datetime', 'createdAt', 'updatedAt', 'formula'] as const;
export const MEMBER_TYPES = ['member', 'createdBy'] as const;
export const SELECT_TYPES = ['select', 'multiselect'] as const;

/** Resolves a field reference of `form`, reporting unknown, deleted and wrongly typed fields. */
export function checkFieldRef(
  form: FormInfo,
  ref: unknown,
  path: PathSegments,
  problems: Problem[],
  options: FieldRefOptions = {},
): FieldInfo | undefined {
  const id = str(ref);
  if (id === undefined) return undefined;
  const field = (options.includeColumns === true ? form.all : form.fields).get(id);
  if (field === undefined) {
    problems.push(makeProblem('UNKNOWN_FIELD_REFERENCE', path, { id, formId: form.id }));
    return undefined;
  }
  if (field.deleted) {
    problems.push(makeProblem('DELETED_FIELD_REFERENCE', path, { id }));
    return undefined;
  }
  if (options.types !== undefined && !options.types.includes(field.type)) {
    problems.push(
      makeProblem('WRONG_FIELD_TYPE', path, { id, actual: field.type, expected: options.types.join(' or ') }),
    );
    return undefined;
  }
  return field;
}

/** Resolves a form reference; unknown forms are reported only when the whole app is known. */
export function checkFormRef(
  index: AppIndex,
  ref: unknown,
  path: PathSegments,
  problems: Problem[],
): FormInfo | undefined {
  const id = str(ref);
  if (id === undefined) return undefined;
  const form = index.forms.get(id);
  if (form === undefined && index.complete) problems.push(makeProblem('UNKNOWN_FORM_REFERENCE', path, { id }));
  return form;
}

/** Option ids of a select/multiselect field. */
export function optionIds(field: FieldInfo): Set<string> {
  const ids = new Set<string>();
  const options = field.settings?.options;
  if (Array.isArray(options)) {
    for (const o of options) {
      const id = typeof o === 'object' && o !== null ? str((o as { id?: unknown }).id) : undefined;
      if (id !== undefined) ids.add(id);
    }
  }
  return ids;
}
