import type { JsonSchema } from '../json-schema.js';
import { idListSchema, idSchema, schemaId } from './common.js';

/** A layout row: one to four fields side by side. */
export const layoutRowSchema: JsonSchema = {
  $id: schemaId('layout-row'),
  type: 'object',
  required: ['id', 'fields'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    fields: idListSchema(4, 1),
  },
};
