import { FIELD_TYPES, type FieldType } from '../field.js';
import type { Problem } from '../problem.js';
import type { PathSegments } from '../problems/make-problem.js';
import { ajvErrorsToProblems } from './ajv-errors.js';
import { getDefinitionValidator, getSettingsValidator } from './ajv-instance.js';
import { KIND_SCHEMA_NAMES, type DefinitionKind } from './definition-kind.js';

const FIELD_TYPE_SET: ReadonlySet<string> = new Set(FIELD_TYPES);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function run(schemaName: string, value: unknown, prefix: PathSegments, problems: Problem[]): void {
  const validate = getDefinitionValidator(schemaName);
  if (!validate(value)) problems.push(...ajvErrorsToProblems(validate.errors, prefix));
}

/** Checks `settings` of one field against its type's settings schema; returns the settings when checked. */
function checkSettings(field: unknown, path: PathSegments, problems: Problem[]): Record<string, unknown> | undefined {
  if (!isObject(field) || typeof field.type !== 'string' || !FIELD_TYPE_SET.has(field.type)) return undefined;
  const settings = field.settings === undefined ? {} : field.settings;
  if (!isObject(settings)) return undefined;
  const validate = getSettingsValidator(field.type as FieldType);
  if (!validate(settings)) problems.push(...ajvErrorsToProblems(validate.errors, [...path, 'settings']));
  return settings;
}

function checkFormFields(form: unknown, path: PathSegments, problems: Problem[]): void {
  if (!isObject(form) || !Array.isArray(form.fields)) return;
  form.fields.forEach((field: unknown, i) => {
    const fieldPath = [...path, 'fields', i];
    const settings = checkSettings(field, fieldPath, problems);
    if (settings === undefined || (field as { type?: unknown }).type !== 'subtable') return;
    if (!Array.isArray(settings.fields)) return;
    settings.fields.forEach((column: unknown, j) => {
      const columnPath = [...fieldPath, 'settings', 'fields', j];
      run('field', column, columnPath, problems);
      checkSettings(column, columnPath, problems);
    });
  });
}

/** JSON Schema checks of a definition, plus every field's settings (sub-table columns included). */
export function validateStructure(value: unknown, kind: DefinitionKind): Problem[] {
  const problems: Problem[] = [];
  run(KIND_SCHEMA_NAMES[kind], value, [], problems);
  if (kind === 'form') checkFormFields(value, [], problems);
  if (kind === 'app' && isObject(value) && Array.isArray(value.forms)) {
    value.forms.forEach((form: unknown, i) => checkFormFields(form, ['forms', i], problems));
  }
  return problems;
}
