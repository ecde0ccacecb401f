import { FILTER_OPERATORS } from '../filter.js';
import type { JsonSchema } from '../json-schema.js';
import { idSchema, schemaId } from './common.js';

const MAX_GROUP_ITEMS = 200;

/**
 * The filter AST (recursive): `{ and: [...] }`, `{ or: [...] }` or a condition `{ field, op, value? }`.
 * Dispatch by if/then/else keeps errors precise (no oneOf noise).
 */
export const filterSchema: JsonSchema = {
  $id: schemaId('filter'),
  type: 'object',
  if: { properties: { and: true }, required: ['and'] },
  then: { $ref: '#/definitions/and' },
  else: {
    if: { properties: { or: true }, required: ['or'] },
    then: { $ref: '#/definitions/or' },
    else: { $ref: '#/definitions/condition' },
  },
  definitions: {
    and: {
      type: 'object',
      required: ['and'],
      additionalProperties: false,
      properties: { and: { type: 'array', items: { $ref: '#' }, maxItems: MAX_GROUP_ITEMS } },
    },
    or: {
      type: 'object',
      required: ['or'],
      additionalProperties: false,
      properties: { or: { type: 'array', items: { $ref: '#' }, maxItems: MAX_GROUP_ITEMS } },
    },
    condition: {
      type: 'object',
      required: ['field', 'op'],
      additionalProperties: false,
      properties: {
        field: idSchema,
        op: { type: 'string', enum: [...FILTER_OPERATORS] },
        value: {},
      },
    },
  },
};

export const sortSchema: JsonSchema = {
  $id: schemaId('sort'),
  type: 'object',
  required: ['field', 'direction'],
  additionalProperties: false,
  properties: {
    field: idSchema,
    direction: { type: 'string', enum: ['asc', 'desc'] },
  },
};
