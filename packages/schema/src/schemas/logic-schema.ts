import type { JsonSchema } from '../json-schema.js';
import { idListSchema, idSchema, localizedTextSchema, ruleSchema, schemaId } from './common.js';

/** The LogicRule union, discriminated by `kind`. */
export const logicRuleSchema: JsonSchema = {
  $id: schemaId('logic-rule'),
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      required: ['id', 'kind', 'when', 'fields'],
      additionalProperties: false,
      properties: {
        id: idSchema,
        kind: { enum: ['visible', 'required', 'readonly'] },
        when: ruleSchema,
        fields: idListSchema(500, 1),
      },
    },
    {
      type: 'object',
      required: ['id', 'kind', 'field', 'value'],
      additionalProperties: false,
      properties: {
        id: idSchema,
        kind: { const: 'assign' },
        when: ruleSchema,
        field: idSchema,
        value: ruleSchema,
      },
    },
    {
      type: 'object',
      required: ['id', 'kind', 'when', 'message'],
      additionalProperties: false,
      properties: {
        id: idSchema,
        kind: { const: 'validate' },
        when: ruleSchema,
        message: localizedTextSchema(500),
        fields: idListSchema(500),
      },
    },
  ],
};
