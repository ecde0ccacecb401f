import { problemSchema, problems } from '../http/problem-schema.js';

export { problemSchema, problems };
/** JSON Schemas shared by the record routes: they validate requests and generate the OpenAPI document. */

export const TAG = 'records';

const id = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const formParams = {
  type: 'object',
  required: ['formId'],
  properties: { formId: id },
} as const;

export const recordParams = {
  type: 'object',
  required: ['recordId'],
  properties: { recordId: id },
} as const;

export const commentParams = {
  type: 'object',
  required: ['commentId'],
  properties: { commentId: id },
} as const;

/** Record values `{ fieldId: value }`; checked field by field by the engine against the form. */
export const dataSchema = {
  type: 'object',
  description: 'Field values keyed by field id. In a PATCH, a null value clears the field.',
  additionalProperties: true,
} as const;

/** The If-Match header: the version you read, quoted (`"3"`). */
export const ifMatchHeaders = {
  type: 'object',
  properties: {
    'if-match': { type: 'string', description: 'The version you read, quoted: "3"' },
  },
} as const;

export const recordSchema = {
  type: 'object',
  required: ['id', 'formId', 'version', 'data', 'createdAt', 'updatedAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    formId: { type: 'string' },
    version: { type: 'integer' },
    data: { type: 'object', additionalProperties: true },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    createdBy: { type: ['string', 'null'] },
  },
} as const;

export const filterSchema = {
  type: 'object',
  description:
    'The filter AST views use: `{ field, op, value }` conditions in `{ and: [...] }` / `{ or: [...] }` groups.',
  additionalProperties: true,
} as const;

export const sortSchema = {
  type: 'array',
  maxItems: 5,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'direction'],
    properties: { field: { type: 'string', maxLength: 200 }, direction: { enum: ['asc', 'desc'] } },
  },
} as const;

export const recordPageSchema = {
  type: 'object',
  required: ['records', 'nextCursor'],
  properties: {
    records: { type: 'array', items: recordSchema },
    nextCursor: { type: ['string', 'null'] },
  },
} as const;
