import type { JsonSchema } from '../json-schema.js';
import { idListSchema, idSchema, localizedTextSchema, NAME_MAX, ref, schemaId } from './common.js';

export const VIEW_TYPES = ['grid', 'kanban', 'calendar', 'gallery'] as const;

export const viewSchema: JsonSchema = {
  $id: schemaId('view'),
  type: 'object',
  required: ['id', 'formId', 'name', 'type'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    formId: idSchema,
    name: localizedTextSchema(NAME_MAX),
    type: { type: 'string', enum: [...VIEW_TYPES] },
    filter: ref('filter'),
    sort: { type: 'array', items: ref('sort'), maxItems: 20 },
    fields: idListSchema(1000),
    groupBy: idSchema,
    sumField: idSchema,
    dateField: idSchema,
    endDateField: idSchema,
    coverField: idSchema,
  },
  allOf: [
    {
      if: { required: ['type'], properties: { type: { const: 'kanban' } } },
      then: { properties: { groupBy: true }, required: ['groupBy'] },
    },
    {
      if: { required: ['type'], properties: { type: { const: 'calendar' } } },
      then: { properties: { dateField: true }, required: ['dateField'] },
    },
  ],
};
