import type { FieldDef, FieldType } from '../field.js';
import type { JsonSchema } from '../json-schema.js';
import { idSchema, localizedTextSchema, ruleSchema, settingsObject } from './common.js';

/** Types that cannot be sub-table columns: no nesting, no layout, no per-record system values. */
export const SUBTABLE_EXCLUDED_TYPES: readonly FieldType[] = [
  'subtable',
  'section',
  'description',
  'serial',
  'createdBy',
  'createdAt',
  'updatedAt',
];

/** Settings of `subtable` (子表单): its columns, and row bounds (`maxRows` default 200). */
export type SubtableSettings = { fields: FieldDef[]; minRows?: number; maxRows?: number };

/** Builds the settings schema; `columnTypes` is the catalogue minus the excluded types. */
export function subtableSettingsSchemaFor(columnTypes: readonly FieldType[]): JsonSchema {
  const column: JsonSchema = {
    type: 'object',
    properties: {
      id: idSchema,
      type: { enum: columnTypes.filter((t) => !SUBTABLE_EXCLUDED_TYPES.includes(t)) },
      label: localizedTextSchema,
      key: { type: 'string', minLength: 1, maxLength: 64 },
      description: localizedTextSchema,
      required: { type: 'boolean' },
      readonly: { type: 'boolean' },
      hidden: { type: 'boolean' },
      unique: { type: 'boolean' },
      deleted: { type: 'boolean' },
      defaultValue: {},
      defaultFormula: ruleSchema,
      settings: { type: 'object' },
    },
    required: ['id', 'type', 'label'],
    additionalProperties: false,
  };
  return settingsObject(
    {
      fields: { type: 'array', items: column, maxItems: 100 },
      minRows: { type: 'integer', minimum: 0, maximum: 10000 },
      maxRows: { type: 'integer', minimum: 1, maximum: 10000, default: 200 },
    },
    ['fields'],
  );
}
