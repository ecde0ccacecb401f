import type { Ajv, ValidateFunction } from 'ajv';
import type { FormDef, JsonSchema } from '@formflow/schema';
import type { FieldRegistry } from '../fields/registry.js';
import { compileFormLogic } from '../logic/compile-form-logic.js';
import { staticFieldStates, type FieldState } from '../logic/evaluate-form.js';
import { compileFieldCheck, type FieldCheck } from './compile-field-check.js';
import { createAjv } from './create-ajv.js';

/** A form version compiled for validation: one check per field, built once and cached per form object. */
export type CompiledFormSchema = {
  form: FormDef;
  /** Every non-deleted field with a value (layout fields excluded), in form order. */
  fields: FieldCheck[];
  byId: Map<string, FieldCheck>;
  /**
   * For a form without logic, computed values or defaults: its field states, which never change; otherwise null
   * (the form's logic must be evaluated for each write).
   */
  staticStates: Readonly<Record<string, FieldState>> | null;
  /** Writable fields, the ones a record write may name. */
  writable: FieldCheck[];
  /** Writable fields whose values are post-processed after validation: sub-tables and types with `normalize`. */
  postProcessed: FieldCheck[];
  /** Writable fields required and shown by their static flags (what forms without logic require). */
  staticRequired: FieldCheck[];
  /**
   * One ajv function over a whole write: writable fields only (`additionalProperties: false`), each nullable,
   * sub-tables only as arrays (their rows are checked per field). When it passes, every key is known and writable
   * and every non-sub-table field passes its own check; when it fails, the per-key path names each error.
   */
  validateAll: ValidateFunction;
};

const cache = new WeakMap<FieldRegistry, WeakMap<FormDef, CompiledFormSchema>>();
const ajvByRegistry = new WeakMap<FieldRegistry, Ajv>();

/**
 * Compiles a form's value validators (ajv, once per form definition object and registry).
 * Published form versions are immutable, so caching by object identity is caching by version.
 */
export function compileFormSchema(form: FormDef, registry: FieldRegistry): CompiledFormSchema {
  let perRegistry = cache.get(registry);
  if (!perRegistry) {
    perRegistry = new WeakMap();
    cache.set(registry, perRegistry);
  }
  const cached = perRegistry.get(form);
  if (cached) return cached;
  let ajv = ajvByRegistry.get(registry);
  if (!ajv) {
    ajv = createAjv();
    ajvByRegistry.set(registry, ajv);
  }
  const fields: FieldCheck[] = [];
  for (const field of form.fields) {
    if (field.deleted) continue;
    if (registry.get(field.type).storage === 'none') continue;
    fields.push(compileFieldCheck(field, registry, ajv));
  }
  const writable = fields.filter((f) => f.writable);
  const logic = compileFormLogic(form);
  const properties: Record<string, unknown> = {};
  for (const check of writable) {
    properties[check.field.id] = check.columns ? { type: ['array', 'null'] } : nullable(check.schema);
  }
  const compiled: CompiledFormSchema = {
    form,
    fields,
    byId: new Map(fields.map((f) => [f.field.id, f])),
    writable,
    staticStates: logic.isStatic && logic.defaults.length === 0 ? staticFieldStates(logic) : null,
    postProcessed: writable.filter((c) => c.columns !== null || c.normalize !== null),
    staticRequired: writable.filter((c) => c.field.required === true && c.field.hidden !== true),
    validateAll: ajv.compile({ type: 'object', properties, additionalProperties: false }),
  };
  perRegistry.set(form, compiled);
  return compiled;
}

/** The schema also accepting null: ajv's `nullable` where the schema names one type (cheaper), else `anyOf`. */
function nullable(schema: JsonSchema): JsonSchema {
  if (schema.type === 'array') schema = { ...schema, noteEmptyList: true }; // empty lists are stored as null
  if (typeof schema.type !== 'string' || schema.const !== undefined) return { anyOf: [{ type: 'null' }, schema] };
  // ajv's `nullable` does not extend an `enum`: null joins the list itself.
  return Array.isArray(schema.enum)
    ? { ...schema, nullable: true, enum: [...schema.enum, null] }
    : { ...schema, nullable: true };
}
