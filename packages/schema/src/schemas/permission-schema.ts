import type { JsonSchema } from '../json-schema.js';
import { FORM_ACTIONS } from '../permission.js';
import {
  boolSchema,
  directoryIdSchema,
  idMapSchema,
  idSchema,
  localizedTextSchema,
  NAME_MAX,
  ref,
  schemaId,
} from './common.js';

const FIELD_ACCESS = ['hidden', 'read', 'write'];

const principalSchema: JsonSchema = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: [
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'everyone' } } },
    {
      type: 'object',
      required: ['kind', 'id'],
      additionalProperties: false,
      properties: { kind: { const: 'member' }, id: directoryIdSchema },
    },
    {
      type: 'object',
      required: ['kind', 'id'],
      additionalProperties: false,
      properties: { kind: { const: 'department' }, id: directoryIdSchema, includeChildren: boolSchema },
    },
    {
      type: 'object',
      required: ['kind', 'id'],
      additionalProperties: false,
      properties: { kind: { const: 'role' }, id: directoryIdSchema },
    },
  ],
};

export const permissionGroupSchema: JsonSchema = {
  $id: schemaId('permission-group'),
  type: 'object',
  required: ['id', 'formId', 'name', 'principals', 'actions'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    formId: idSchema,
    name: localizedTextSchema(NAME_MAX),
    principals: { type: 'array', items: principalSchema, maxItems: 2000 },
    actions: {
      type: 'array',
      items: { type: 'string', enum: [...FORM_ACTIONS] },
      uniqueItems: true,
      maxItems: FORM_ACTIONS.length,
    },
    fields: idMapSchema({ type: 'string', enum: FIELD_ACCESS }),
    defaultFieldAccess: { type: 'string', enum: FIELD_ACCESS },
    rowFilter: ref('filter'),
  },
};
