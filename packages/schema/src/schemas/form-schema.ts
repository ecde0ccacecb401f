import type { JsonSchema } from '../json-schema.js';
import { DESCRIPTION_MAX, idSchema, localizedTextSchema, NAME_MAX, ref, schemaId } from './common.js';

export const formSchema: JsonSchema = {
  $id: schemaId('form'),
  type: 'object',
  required: ['id', 'name', 'fields'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: localizedTextSchema(NAME_MAX),
    description: localizedTextSchema(DESCRIPTION_MAX, 0),
    fields: { type: 'array', items: ref('field'), maxItems: 1000 },
    layout: { type: 'array', items: ref('layout-row'), maxItems: 1000 },
    logic: { type: 'array', items: ref('logic-rule'), maxItems: 1000 },
    version: { type: 'integer', minimum: 1 },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        titleField: idSchema,
        submitMessage: localizedTextSchema(DESCRIPTION_MAX, 0),
      },
    },
  },
};
