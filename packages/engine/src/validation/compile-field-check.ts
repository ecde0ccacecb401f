import type { ValidateFunction } from 'ajv';
import type { Ajv } from 'ajv';
import type { FieldDef, JsonSchema, JsonValue } from '@formflow/schema';
import type { FieldTypeDef } from '../fields/field-type.js';
import type { FieldRegistry } from '../fields/registry.js';

/** A field ready to validate: its type module, its compiled value validator and, for a sub-table, its columns. */
export type FieldCheck = {
  /** The field's id (kept here so hot loops read one object shape, not the many shapes of user definitions). */
  id: string;
  field: FieldDef;
  type: FieldTypeDef;
  validate: ValidateFunction;
  /** The JSON Schema `validate` was compiled from. */
  schema: JsonSchema;
  /** True when users write this field (source `user`); computed, system and layout fields are read-only. */
  writable: boolean;
  /** The type's `normalize` bound to this field, or null when the type has none. */
  normalize: ((value: JsonValue) => JsonValue) | null;
  /** Sub-table columns by id (sub-tables only, otherwise null). */
  columns: Map<string, FieldCheck> | null;
};

/** Compiles one field (and, for a sub-table, each of its columns) with the shared ajv instance. */
export function compileFieldCheck(field: FieldDef, registry: FieldRegistry, ajv: Ajv): FieldCheck {
  const type = registry.get(field.type);
  const schema = type.valueSchema(field);
  const normalize = type.normalize;
  const check: FieldCheck = {
    id: field.id,
    field,
    type,
    schema,
    validate: ajv.compile(schema),
    writable: type.source === 'user' && !field.deleted && field.readonly !== true,
    normalize: normalize ? (value) => normalize(value, field) : null,
    columns: null,
  };
  if (field.type === 'subtable') {
    const columns = Array.isArray(field.settings?.fields) ? (field.settings.fields as unknown as FieldDef[]) : [];
    check.columns = new Map(columns.map((column) => [column.id, compileFieldCheck(column, registry, ajv)]));
  }
  return check;
}
