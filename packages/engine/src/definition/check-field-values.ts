import { formatPath } from '@formflow/schema';
import type { FieldDef, JsonValue, Problem } from '@formflow/schema';
import { fieldRegistry } from '../fields/index.js';
import { DATE_VALUE_SCHEMA, INSTANT_VALUE_SCHEMA } from '../fields/support/value-schemas.js';
import { compileFieldCheck } from '../validation/compile-field-check.js';
import { createAjv } from '../validation/create-ajv.js';

type Path = (string | number)[];

const ajv = createAjv();
const isDate = ajv.compile(DATE_VALUE_SCHEMA);
const isInstant = ajv.compile(INSTANT_VALUE_SCHEMA);

/**
 * Value checks a definition needs from the field types (run after the schema's checks found nothing): every
 * `defaultValue` must be a valid value of its field (a bad default would block every new record), date and date-time
 * bounds must be real dates/instants, and `min` must not exceed `max`.
 */
export function checkFieldValues(forms: readonly { def: unknown; path: Path }[]): Problem[] {
  const problems: Problem[] = [];
  for (const { def, path } of forms) {
    const fields = (def as { fields?: FieldDef[] }).fields ?? [];
    fields.forEach((field, i) => checkField(field, [...path, 'fields', i], problems));
  }
  return problems;
}

function checkField(field: FieldDef, path: Path, problems: Problem[]): void {
  const settings = field.settings ?? {};
  if (field.type === 'subtable' && Array.isArray(settings.fields)) {
    (settings.fields as unknown as FieldDef[]).forEach((c, i) =>
      checkField(c, [...path, 'settings', 'fields', i], problems),
    );
  }
  const bounded = field.type === 'date' || field.type === 'datetime';
  for (const key of ['min', 'max'] as const) {
    const value = settings[key];
    if (!bounded || typeof value !== 'string') continue;
    const valid = field.type === 'date' ? isDate(value) : isInstant(value);
    if (!valid) {
      const kind = field.type === 'date' ? 'date' : 'date-time';
      problems.push(
        problem('INVALID_BOUND', [...path, 'settings', key], { kind, value }, `not a valid ${kind}: "${value}"`),
      );
    }
  }
  checkRange(settings.min, settings.max, field.type, [...path, 'settings'], problems);
  if (field.defaultValue !== undefined && field.defaultValue !== null && fieldRegistry.has(field.type)) {
    const check = compileFieldCheck(field, fieldRegistry, ajv);
    if (!check.validate(field.defaultValue)) {
      const error = check.validate.errors?.[0];
      const reason = error ? `${error.instancePath || 'value'} ${error.keyword}` : 'invalid';
      problems.push(
        problem(
          'INVALID_DEFAULT_VALUE',
          [...path, 'defaultValue'],
          { reason },
          `the default value is not valid: ${reason}`,
        ),
      );
    }
  }
}

function checkRange(
  min: JsonValue | undefined,
  max: JsonValue | undefined,
  type: string,
  path: Path,
  problems: Problem[],
) {
  const comparable =
    (typeof min === 'number' && typeof max === 'number') ||
    (typeof min === 'string' && typeof max === 'string' && (type === 'date' || type === 'datetime'));
  if (!comparable) return;
  const greater =
    typeof min === 'number' ? min > (max as number) : Date.parse(min as string) > Date.parse(max as string);
  if (greater) {
    problems.push(
      problem(
        'INVALID_RANGE',
        [...path, 'min'],
        { min, max },
        `the minimum ${String(min)} is greater than the maximum ${String(max)}`,
      ),
    );
  }
}

function problem(code: string, path: Path, params: Record<string, JsonValue>, message: string): Problem {
  return { path: formatPath(path), code, message, params };
}
