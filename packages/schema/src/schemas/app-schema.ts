import type { JsonSchema } from '../json-schema.js';
import { DESCRIPTION_MAX, idSchema, localizedTextSchema, NAME_MAX, ref, schemaId } from './common.js';

const list = (name: string, maxItems: number): JsonSchema => ({ type: 'array', items: ref(name), maxItems });

export const appSchema: JsonSchema = {
  $id: schemaId('app'),
  type: 'object',
  required: ['id', 'name', 'forms'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: localizedTextSchema(NAME_MAX),
    description: localizedTextSchema(DESCRIPTION_MAX, 0),
    icon: { type: 'string', maxLength: 200 },
    forms: list('form', 500),
    views: list('view', 2000),
    workflows: list('workflow', 500),
    automations: list('automation', 1000),
    dashboards: list('dashboard', 500),
    permissionGroups: list('permission-group', 2000),
  },
};
