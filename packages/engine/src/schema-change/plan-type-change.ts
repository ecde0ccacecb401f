import type { FieldDef, JsonValue } from '@formflow/schema';
import type { FieldContext } from '../fields/field-type.js';
import { fieldRegistry } from '../fields/index.js';
import type { FieldRegistry } from '../fields/registry.js';
import { compileFieldCheck } from '../validation/compile-field-check.js';
import { createAjv } from '../validation/create-ajv.js';
import { newRowId } from '../validation/new-row-id.js';
import { normalizeStrings } from '../validation/normalize-strings.js';
import type { RecordError } from '../validation/record-error.js';
import { validateFieldValue } from '../validation/validate-field-value.js';
import { isEmptyValue } from '../values/is-empty-value.js';

/** At most this many unconvertible values are reported as samples. */
export const TYPE_CHANGE_SAMPLE_LIMIT = 20;

export type TypeConversion = { ok: true; value: JsonValue } | { ok: false; reason: string };

export type TypeChangeSample = { recordId: string; before: JsonValue; reason: string };

export type TypeChangePlan = {
  /** Non-empty values that convert to a valid value of the new type. */
  convertible: number;
  /** Non-empty values that do not (they would lose data: never nulled silently). */
  unconvertible: number;
  /** Empty values (`null`, blank text, `[]`): they stay empty. */
  empty: number;
  /** The first unconvertible values, at most TYPE_CHANGE_SAMPLE_LIMIT. */
  samples: TypeChangeSample[];
  /** Converts one stored value of the old field to the new one; empty converts to `null`. */
  convert(value: JsonValue): TypeConversion;
};

/**
 * The converter of a field type change: the old value is formatted by the old type in `ctx` (its display text,
 * as an export would write it), that text is parsed by the new type, and the result must pass the new type's
 * value schema (then it is normalised as a record write would be). A non-empty value that parses to empty is
 * unconvertible: a conversion never turns data into nothing.
 */
export function createTypeConverter(
  field: FieldDef,
  newField: FieldDef,
  ctx: FieldContext,
  registry: FieldRegistry = fieldRegistry,
): (value: JsonValue) => TypeConversion {
  const oldType = registry.get(field.type);
  const newType = registry.get(newField.type);
  const check = compileFieldCheck({ ...newField, deleted: false }, registry, createAjv());
  return (value) => {
    if (isEmptyValue(value)) return { ok: true, value: null };
    const text = oldType.format(value, field, ctx);
    if (text.trim() === '') return { ok: false, reason: 'NOT_DISPLAYABLE: the old type shows no text for this value' };
    const parsed = newType.parse(text, newField, ctx);
    if (!parsed.ok) return { ok: false, reason: `${parsed.code}: ${parsed.message}` };
    if (isEmptyValue(parsed.value)) return { ok: false, reason: `EMPTY_AFTER_CONVERSION: "${text}" reads as empty` };
    const errors: RecordError[] = [];
    const converted = validateFieldValue(
      check,
      normalizeStrings(parsed.value) as JsonValue,
      [newField.id],
      errors,
      newRowId,
    );
    const error = errors[0];
    if (error) return { ok: false, reason: `${error.code}: ${error.message.en}` };
    return { ok: true, value: converted };
  };
}

/**
 * Dry run of a type change over stored values (pure, no I/O): how many convert, how many do not (with samples),
 * how many are empty, and the converter to apply it with.
 */
export function planTypeChange(
  field: FieldDef,
  newField: FieldDef,
  values: Iterable<{ recordId: string; value: JsonValue }>,
  ctx: FieldContext,
  registry: FieldRegistry = fieldRegistry,
): TypeChangePlan {
  const convert = createTypeConverter(field, newField, ctx, registry);
  const plan: TypeChangePlan = { convertible: 0, unconvertible: 0, empty: 0, samples: [], convert };
  for (const { recordId, value } of values) {
    if (isEmptyValue(value)) {
      plan.empty += 1;
      continue;
    }
    const result = convert(value);
    if (result.ok) {
      plan.convertible += 1;
      continue;
    }
    plan.unconvertible += 1;
    if (plan.samples.length < TYPE_CHANGE_SAMPLE_LIMIT)
      plan.samples.push({ recordId, before: value, reason: result.reason });
  }
  return plan;
}
