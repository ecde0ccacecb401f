import type { FieldType } from '../field.js';
import type { JsonSchema } from '../json-schema.js';

/**
 * JSON Schema of `settings` for every field type (one module per type in this folder).
 * PLACEHOLDER to be replaced by the per-type modules: every type currently accepts any object.
 */
export const fieldSettingsSchemas: Record<FieldType, JsonSchema> = new Proxy({} as Record<FieldType, JsonSchema>, {
  get: () => ({ type: 'object' }),
});
