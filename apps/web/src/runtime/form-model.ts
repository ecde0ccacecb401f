import {
  applyDefaults,
  evaluateForm,
  fieldRegistry,
  validateRecord,
  type FieldState,
  type FormState,
  type LogicContext,
} from '@formflow/engine';
import type { FieldDef, FormDef, JsonValue } from '@formflow/schema';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { RecordData } from '../api/types.js';
import type { Language } from '../i18n/current-language.js';
import { recordErrorsToFieldErrors } from './record-errors.js';

export type RuntimeMode = 'submit' | 'edit' | 'preview';

export type RuntimeOptions = {
  mode: RuntimeMode;
  /** The stored record (edit) or the starting values (submit). */
  initialData?: RecordData;
  /** Fields the caller may write; every user field when absent. */
  writable?: ReadonlySet<string>;
  context: LogicContext;
  /** Fields the user has changed: a default formula stops following the other fields once the user typed over it. */
  dirty?: ReadonlySet<string>;
};

/** Who writes a field's value: the user, the engine (`computed`), the server (`system`) or nobody (layout). */
export function sourceOf(field: FieldDef): 'user' | 'computed' | 'system' | 'none' {
  return fieldRegistry.has(field.type) ? fieldRegistry.get(field.type).source : 'none';
}

/** Whether the caller may type into this field at all (before form logic). */
export function isUserWritable(field: FieldDef, writable: ReadonlySet<string> | undefined): boolean {
  return sourceOf(field) === 'user' && !field.deleted && (writable === undefined || writable.has(field.id));
}

/** Field states without logic (when a rule cannot be evaluated). */
function staticFieldStatesOf(form: FormDef): Record<string, FieldState> {
  const out: Record<string, FieldState> = {};
  for (const field of form.fields) {
    if (field.deleted) continue;
    const visible = !field.hidden;
    out[field.id] = {
      visible,
      required: visible && field.required === true,
      readonly: field.readonly === true || sourceOf(field) !== 'user',
    };
  }
  return out;
}

/** Structural equality of JSON-like values (object key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as never)[k], (b as never)[k]));
}

export type LiveState = { values: Record<string, unknown>; state: FormState };

/**
 * The form as the user sees it right now: defaults (create) or the stored record (edit) under what the user typed,
 * then the engine's live logic — computed values, visibility, required and read-only per field.
 */
export function liveState(form: FormDef, values: RecordData, options: RuntimeOptions): LiveState {
  let scope: Record<string, unknown>;
  if (options.mode === 'edit') scope = { ...options.initialData, ...values };
  else {
    scope = applyDefaults(form, values, options.context);
    // A default the user cleared stays cleared on screen (the server fills it again only if still empty).
    for (const id of options.dirty ?? []) if (Object.hasOwn(values, id)) scope[id] = values[id];
  }
  try {
    const state = evaluateForm(form, scope, options.context);
    return { values: { ...scope, ...state.values }, state };
  } catch {
    // A rule that cannot be evaluated: show the form with its static states; validation reports the rule error.
    return {
      values: scope,
      state: { values: scope as Record<string, JsonValue>, fields: staticFieldStatesOf(form), failedChecks: [] },
    };
  }
}

/** Sub-table rows without the cells nobody types (formulas, lookups): the engine recomputes them. */
function userCells(field: FieldDef, rows: unknown): unknown {
  if (!Array.isArray(rows)) return rows;
  const columns = (Array.isArray(field.settings?.fields) ? field.settings.fields : []) as unknown as FieldDef[];
  const typed = new Set(columns.filter((c) => sourceOf(c) === 'user' && !c.deleted).map((c) => c.id));
  return rows.map((row) => {
    if (row === null || typeof row !== 'object') return row;
    const out: Record<string, unknown> = {};
    for (const [key, cell] of Object.entries(row as Record<string, unknown>)) {
      if (key === 'id' || typed.has(key)) out[key] = cell;
    }
    return out;
  });
}

/**
 * What is sent to the server: the values of fields the user may write, can see and that logic leaves writable.
 * Creating sends what was filled in (the server applies defaults and computes the rest); editing sends only the fields
 * that differ from the stored record.
 */
export function buildPayload(form: FormDef, values: RecordData, options: RuntimeOptions): RecordData {
  const { state } = liveState(form, values, options);
  const payload: RecordData = {};
  for (const field of form.fields) {
    if (!isUserWritable(field, options.writable)) continue;
    const fieldState = state.fields[field.id];
    if (!fieldState?.visible || fieldState.readonly) continue;
    let value = values[field.id];
    if (value === undefined) continue;
    if (field.type === 'subtable') value = userCells(field, value);
    if (typeof value === 'string' && value.trim() === '') value = null;
    if (options.mode === 'edit') {
      const before = options.initialData?.[field.id];
      const stored = field.type === 'subtable' ? userCells(field, before) : before;
      if (sameValue(value ?? null, stored ?? null)) continue;
    } else if (value === null) continue;
    payload[field.id] = value;
  }
  return payload;
}

/**
 * The react-hook-form resolver: the engine's `validateRecord` — the very check the server runs — over the payload the
 * form would send. Errors land at their field path (`items.2.qty` for a sub-table cell) in the UI language; problems
 * of the whole record or of fields not on screen land at `_record`.
 */
export function createEngineResolver(
  form: FormDef,
  getOptions: () => RuntimeOptions,
  language: () => Language,
): Resolver<RecordData> {
  return (values) => {
    const errors = validateValues(form, values, getOptions(), language());
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  };
}

/** Validates what the form holds as the server will; an empty object when it would be accepted. */
export function validateValues(
  form: FormDef,
  values: RecordData,
  options: RuntimeOptions,
  language: Language,
): FieldErrors {
  const payload = buildPayload(form, values, options);
  const edit = options.mode === 'edit';
  const result = validateRecord(form, payload, {
    registry: fieldRegistry,
    mode: edit ? 'update' : 'create',
    ...(edit ? { existing: (options.initialData ?? {}) as Record<string, JsonValue> } : {}),
    context: options.context,
    ...(options.writable ? { writableFieldIds: options.writable } : {}),
  });
  if (result.ok) return {};
  const { state } = liveState(form, values, options);
  return recordErrorsToFieldErrors(result.errors, language, (id) => state.fields[id]?.visible === true);
}
