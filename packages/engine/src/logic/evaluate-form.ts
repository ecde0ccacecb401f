import type { FieldDef, FormDef, JsonValue, LocalizedText } from '@formflow/schema';
import { fieldRegistry } from '../fields/index.js';
import { isEmptyValue } from '../values/is-empty-value.js';
import { truthy } from '../rules/index.js';
import { compileFormLogic, type CompiledFormLogic } from './compile-form-logic.js';
import { contextValues, type LogicContext } from './logic-context.js';

export type FieldState = { visible: boolean; required: boolean; readonly: boolean };

export type FormState = {
  /** The input values with every computed value (formulas, rollups, value linkage, column formulas) filled in. */
  values: Record<string, JsonValue>;
  /** Run-time state of every non-deleted field. */
  fields: Record<string, FieldState>;
  /** Form-level checks (`validate` logic rules) that do not hold. */
  failedChecks: { id: string; fields: string[]; message: LocalizedText }[];
};

/**
 * The live state of a form for given values: computed values in dependency order, then visible / required /
 * read-only per field, then form-level checks. The browser calls it on every change, the server on every write.
 */
export function evaluateForm(
  form: FormDef,
  values: Readonly<Record<string, unknown>>,
  ctx: LogicContext = {},
): FormState {
  const logic = compileFormLogic(form, ctx.timezone);
  if (logic.isStatic)
    return { values: pickFormValues(form, values), fields: staticFieldStates(logic), failedChecks: [] };
  const scope: Record<string, unknown> = logic.readsContext ? { ...values, ...contextValues(ctx) } : { ...values };
  for (const producer of logic.producers) producer.run(scope);
  const any = (rules: ReturnType<typeof logic.visible.get>) =>
    rules !== undefined && rules.some((r) => truthy(r(scope)));

  const fields: Record<string, FieldState> = {};
  for (const field of form.fields) {
    if (field.deleted) continue;
    const visibleRules = logic.visible.get(field.id);
    const visible = !field.hidden && (visibleRules === undefined || any(visibleRules));
    fields[field.id] = {
      visible,
      required: visible && (field.required === true || any(logic.required.get(field.id))),
      readonly: field.readonly === true || isComputed(field) || any(logic.readonly.get(field.id)),
    };
  }
  const failedChecks = logic.validations
    .filter((v) => !truthy(v.when(scope)))
    .map((v) => ({ id: v.id, fields: v.fields, message: v.message }));
  return { values: pickFormValues(form, scope), fields, failedChecks };
}

/** The values of the form's non-deleted fields, as a fresh object the caller may change. */
function pickFormValues(form: FormDef, source: Readonly<Record<string, unknown>>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const field of form.fields) {
    if (field.deleted || !Object.hasOwn(source, field.id)) continue;
    const value = source[field.id];
    if (value !== undefined) out[field.id] = value as JsonValue;
  }
  return out;
}

const staticStates = new WeakMap<CompiledFormLogic, Record<string, FieldState>>();

/** Field states of a form without logic: computed once, frozen, shared by every evaluation. */
export function staticFieldStates(logic: CompiledFormLogic): Record<string, FieldState> {
  let states = staticStates.get(logic);
  if (!states) {
    states = {};
    for (const field of logic.form.fields) {
      if (field.deleted) continue;
      const visible = !field.hidden;
      states[field.id] = Object.freeze({
        visible,
        required: visible && field.required === true,
        readonly: field.readonly === true || isComputed(field),
      });
    }
    states = Object.freeze(states);
    staticStates.set(logic, states);
  }
  return states;
}

/**
 * Fills empty fields of a new record with their defaults: a static `defaultValue`, or a `defaultFormula`
 * computed from the other values and the context (in dependency order). Given values are never overwritten.
 */
export function applyDefaults(
  form: FormDef,
  values: Readonly<Record<string, unknown>>,
  ctx: LogicContext = {},
): Record<string, unknown> {
  const logic = compileFormLogic(form, ctx.timezone);
  if (logic.defaults.length === 0) return { ...values };
  const out: Record<string, unknown> = { ...values };
  const scope: Record<string, unknown> = logic.readsContext ? { ...values, ...contextValues(ctx) } : { ...values };
  for (const d of logic.defaults) {
    if (!isEmptyValue(out[d.field.id])) continue;
    const value = d.formula ? (d.formula(scope) ?? null) : (JSON.parse(JSON.stringify(d.value ?? null)) as JsonValue);
    if (isEmptyValue(value)) continue;
    out[d.field.id] = scope[d.field.id] = value;
  }
  return out;
}

/** Nobody types these values in: the engine or the server computes them (the type's `source`). */
function isComputed(field: FieldDef): boolean {
  if (!fieldRegistry.has(field.type)) return false;
  const source = fieldRegistry.get(field.type).source;
  return source === 'computed' || source === 'system';
}
