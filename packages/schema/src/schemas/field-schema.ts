import { FIELD_TYPES } from '../field.js';
import type { JsonSchema } from '../json-schema.js';
import {
  boolSchema,
  DESCRIPTION_MAX,
  idSchema,
  localizedTextSchema,
  NAME_MAX,
  ruleSchema,
  SAFE_ID_PATTERN,
  schemaId,
} from './common.js';

/**
 * The base shape of a field (FieldDef). `settings` is only required to be an object here: it is checked separately
 * against `fieldSettingsSchemas[type]`, so the path of a settings problem is precise.
 */
export const fieldSchema: JsonSchema = {
  $id: schemaId('field'),
  type: 'object',
  required: ['id', 'type', 'label'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    type: { type: 'string', enum: [...FIELD_TYPES] },
    label: localizedTextSchema(NAME_MAX),
    key: { type: 'string', pattern: SAFE_ID_PATTERN },
    description: localizedTextSchema(DESCRIPTION_MAX, 0),
    required: boolSchema,
    readonly: boolSchema,
    hidden: boolSchema,
    unique: boolSchema,
    deleted: boolSchema,
    defaultValue: {},
    defaultFormula: ruleSchema,
    settings: { type: 'object' },
  },
};
