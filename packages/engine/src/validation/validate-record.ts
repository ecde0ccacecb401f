import { FORBIDDEN_KEYS } from '@formflow/schema';
import type { FormDef, JsonValue } from '@formflow/schema';
import type { FieldRegistry } from '../fields/registry.js';
import { applyDefaults, evaluateForm, type FormState } from '../logic/evaluate-form.js';
import type { LogicContext } from '../logic/logic-context.js';
import { isEmptyValue } from '../values/is-empty-value.js';
import { checkValueShape, DEFAULT_RECORD_LIMITS, type RecordLimits } from './check-record-shape.js';
import type { FieldCheck } from './compile-field-check.js';
import { compileFormSchema, type CompiledFormSchema } from './compile-form-schema.js';
import { textScan } from './create-ajv.js';
import { makeError } from './make-error.js';
import { newRowId } from './new-row-id.js';
import { normalizeStrings } from './normalize-strings.js';
import { sameJsonValue } from './same-json-value.js';
import type { RecordError } from './record-error.js';
import { validateFieldValue } from './validate-field-value.js';

export type ValidateRecordOptions = {
  registry: FieldRegistry;
  /** `create` validates a whole new record; `update` validates a patch merged over `existing`. */
  mode?: 'create' | 'update';
  /** Stored values of the record being updated. */
  existing?: Readonly<Record<string, JsonValue>>;
  context?: LogicContext;
  limits?: RecordLimits;
  /** Fields the caller may write (from permission groups or a workflow node); others are read-only to them. */
  writableFieldIds?: ReadonlySet<string>;
  newId?: () => string;
};

export type ValidateRecordResult =
  { ok: true; values: Record<string, JsonValue>; state: FormState } | { ok: false; errors: RecordError[] };

type Patch = { values: Record<string, JsonValue>; checks: FieldCheck[] };

/**
 * The one validation of a record write, the same in the browser and on the server (DESIGN.md §5):
 * shape guards, writable keys only, NFC text, each field's value schema, defaults (create), form logic,
 * required-ness from logic, then form-level checks. Returns the values to store (computed values included),
 * or every error with its field, path and a message in zh-CN and en.
 *
 * On update, only the fields in the patch are checked against their schema (a later schema change never blocks
 * an unrelated edit); a field that is required after the patch must be filled, unless it was already empty and
 * required before and the patch leaves it alone (a legacy gap is not the editor's fault).
 */
export function validateRecord(form: FormDef, input: unknown, options: ValidateRecordOptions): ValidateRecordResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [makeError('NOT_AN_OBJECT', null, '')] };
  }
  const errors: RecordError[] = [];
  const compiled = compileFormSchema(form, options.registry);
  let patch = options.writableFieldIds ? null : fastPatch(compiled, input as Record<string, unknown>, options, errors);
  if (!patch) {
    errors.length = 0;
    patch = readPatch(compiled, input as Record<string, unknown>, options, errors);
    if (!patch) return { ok: false, errors };
    checkPatchValues(compiled, patch, options, errors);
  }
  // Value errors do not stop here: required-ness is reported with them, so a user sees every problem at once. A value
  // that failed its check is never handed to the form's rules: logic sees null in its place.
  const invalid = new Set<string>();
  for (const error of errors) {
    if (error.fieldId !== null && Object.hasOwn(patch.values, error.fieldId)) {
      patch.values[error.fieldId] = null;
      invalid.add(error.fieldId);
    }
  }

  const update = options.mode === 'update';
  if (compiled.staticStates !== null) {
    // No logic, no computed values, no defaults: field states are the static ones.
    const values = update ? { ...options.existing, ...patch.values } : patch.values;
    for (const check of compiled.staticRequired) {
      const id = check.id;
      if (isEmptyValue(values[id]) && !invalid.has(id) && (!update || Object.hasOwn(patch.values, id))) {
        errors.push(makeError('REQUIRED', check.field, id));
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, values, state: { values, fields: compiled.staticStates, failedChecks: [] } };
  }
  try {
    return validateWithLogic(compiled, patch, options, errors, invalid);
  } catch (error) {
    // A rule that cannot be evaluated (an invalid time zone, a value JavaScript cannot convert) is the caller's or
    // the designer's problem, reported as such — never an exception out of validation.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [...errors, makeError('RULE_ERROR', null, '', { reason })] };
  }
}

/**
 * The fast path for a valid write: one compiled validator checks keys and values at once, then text is put in NFC,
 * sub-tables are checked row by row and values normalised. Null sends the caller down the per-key path, which
 * explains every problem precisely; the two paths accept exactly the same writes.
 */
function fastPatch(
  compiled: CompiledFormSchema,
  input: Record<string, unknown>,
  options: ValidateRecordOptions,
  errors: RecordError[],
): Patch | null {
  textScan.needsNfc = false;
  textScan.hasEmpty = false;
  if (!compiled.validateAll(input)) return null;
  // validateAll admitted only writable field ids, so every key has a check; its `cleanText` scan told us whether any
  // text needs NFC (rare: decomposed accents, some scripts), and only then do we walk the values for it.
  const values = { ...input } as Record<string, JsonValue>;
  if (textScan.needsNfc) {
    let changed = false;
    for (const key in values) {
      const raw = values[key]!;
      const value = normalizeStrings(raw) as JsonValue;
      if (value !== raw) {
        values[key] = value;
        changed = true;
      }
    }
    // Text that NFC changed is validated again in its stored form.
    if (changed && !compiled.validateAll(values)) return null;
  }
  // Blank text and empty lists are stored as null: "empty" has one stored form (and claims no unique value). The
  // validator's scans flagged whether there is any.
  if (textScan.hasEmpty) {
    for (const key in values) {
      const v = values[key];
      if ((typeof v === 'string' || Array.isArray(v)) && isEmptyValue(v)) values[key] = null;
    }
  }
  const newId = options.newId ?? newRowId;
  const limits = options.limits ?? DEFAULT_RECORD_LIMITS;
  const budget = { left: limits.maxNodes };
  const post = compiled.postProcessed;
  for (let i = 0; i < post.length; i++) {
    const check = post[i]!;
    const raw = values[check.id];
    if (raw === undefined || (isEmptyValue(raw) && !isNonEmptyObject(raw))) continue;
    let value: JsonValue;
    if (check.columns) {
      // Sub-tables are not in validateAll beyond "an array": shape, NFC and rows are checked here.
      if (checkValueShape(raw, check.id, limits, budget)) return null;
      value = validateFieldValue(check, normalizeStrings(raw) as JsonValue, [check.id], errors, newId);
    } else {
      value = check.normalize!(raw);
    }
    if (value !== raw) values[check.id] = value;
  }
  return { values, checks: [] };
}

/** Reads the input's keys: shape guards, known and writable fields only, text in NFC. Null when anything fails. */
function readPatch(
  compiled: CompiledFormSchema,
  input: Record<string, unknown>,
  options: ValidateRecordOptions,
  errors: RecordError[],
): Patch | null {
  const limits = options.limits ?? DEFAULT_RECORD_LIMITS;
  const budget = { left: limits.maxNodes };
  // One spread clone (V8's fast path), then only values that NFC changes are written back.
  const values = { ...input } as Record<string, JsonValue>;
  const checks: FieldCheck[] = [];
  for (const key of Object.keys(input)) {
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push(makeError('FORBIDDEN_KEY', null, key, { key }));
      return null;
    }
    const raw = input[key];
    if (raw !== null && typeof raw === 'object') {
      const shapeError = checkValueShape(raw, key, limits, budget);
      if (shapeError) {
        errors.push(shapeError);
        return null;
      }
    }
    const check = compiled.byId.get(key);
    if (!check) errors.push(makeError('UNKNOWN_FIELD', null, key, { key }));
    else if (!check.writable || (options.writableFieldIds && !options.writableFieldIds.has(key))) {
      errors.push(makeError('READONLY_FIELD', check.field, key));
    } else {
      const value = normalizeStrings(raw);
      if (value !== raw) values[key] = value as JsonValue;
      checks.push(check);
    }
  }
  return errors.length > 0 ? null : { values, checks };
}

/**
 * Checks and normalises the patch's values. Fast path: one compiled validator over the whole patch; per-field
 * checks run for sub-tables, or to explain a failure field by field.
 */
function checkPatchValues(
  compiled: CompiledFormSchema,
  patch: Patch,
  options: ValidateRecordOptions,
  errors: RecordError[],
): void {
  const allValid = compiled.validateAll(patch.values);
  const newId = options.newId ?? newRowId;
  for (const check of patch.checks) {
    const key = check.field.id;
    const value = patch.values[key]!;
    // An object is checked even when it holds nothing: `{}` is an empty address but a wrong-typed email. Blank text
    // and empty lists are stored as null.
    if (isEmptyValue(value) && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      patch.values[key] = null;
      continue;
    }
    if (allValid && !check.columns) {
      if (check.normalize) patch.values[key] = check.normalize(value);
    } else {
      patch.values[key] = validateFieldValue(check, value, [key], errors, newId);
    }
  }
}

/** Defaults, form logic (computed values, visibility, required, value linkage) and form-level checks. */
function validateWithLogic(
  compiled: CompiledFormSchema,
  patch: Patch,
  options: ValidateRecordOptions,
  errors: RecordError[],
  invalid: ReadonlySet<string>,
): ValidateRecordResult {
  const form = compiled.form;
  const update = options.mode === 'update';
  const newId = options.newId ?? newRowId;
  const merged = update ? { ...options.existing, ...patch.values } : applyDefaults(form, patch.values, options.context);
  const state = evaluateForm(form, merged, options.context);
  // On update, a field that was already empty while required stays a legacy gap unless the patch touches it.
  const before = update ? evaluateForm(form, options.existing ?? {}, options.context) : null;
  const values = state.values;
  // Fields that the form's logic makes read-only cannot be changed by this write (RELIABILITY H3).
  for (const id of Object.keys(patch.values)) {
    const changed = update ? patch.values[id] !== options.existing?.[id] : !isEmptyValue(patch.values[id]);
    if (state.fields[id]?.readonly && changed)
      errors.push(makeError('READONLY_FIELD', compiled.byId.get(id)!.field, id));
  }
  for (const check of compiled.fields) {
    if (!check.writable) continue;
    const id = check.field.id;
    const value = values[id];
    const inPatch = Object.hasOwn(patch.values, id);
    if (isEmptyValue(value)) {
      const legacyGap =
        before !== null && !inPatch && isEmptyValue(options.existing?.[id]) && before.fields[id]?.required;
      if (state.fields[id]?.required && !legacyGap && !invalid.has(id))
        errors.push(makeError('REQUIRED', check.field, id));
      continue;
    }
    // Values set by defaults or value-linkage rules are checked like typed ones. On update, only a computed value that
    // actually differs from the stored one is checked: a sub-table that its column formulas re-built with the same
    // content is not re-validated against a schema that changed since (review #8).
    if (value !== patch.values[id] && (!update || !sameJsonValue(value, options.existing?.[id]))) {
      values[id] = validateFieldValue(check, normalizeStrings(value) as JsonValue, [id], errors, newId);
    }
  }
  // Form-level checks read other fields' values: they only mean something once every value is valid.
  const failedChecks = errors.length > 0 ? [] : state.failedChecks;
  for (const failed of failedChecks) {
    const field = form.fields.find((f) => f.id === failed.fields[0]) ?? null;
    const zh =
      typeof failed.message === 'string' ? failed.message : (failed.message['zh-CN'] ?? failed.message.en ?? '');
    const en =
      typeof failed.message === 'string' ? failed.message : (failed.message.en ?? failed.message['zh-CN'] ?? '');
    errors.push(makeError('RULE_FAILED', field, field?.id ?? '', { rule: failed.id, messageZh: zh, messageEn: en }));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, values, state };
}

/** A plain object (`{}` included): checked even when it holds nothing — `{}` is an empty address. */
function isNonEmptyObject(value: JsonValue): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
