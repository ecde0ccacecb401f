import type { FieldDef, JsonValue } from '@formflow/schema';

/** The designer's static default (`field.defaultValue`), or null. Dynamic defaults are `defaultFormula`. */
export function staticDefault(field: FieldDef): JsonValue {
  return field.defaultValue ?? null;
}
