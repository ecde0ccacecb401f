import { problemSchema } from '../http/problem-schema.js';

export { problemSchema };

/** The value an image/attachment/signature field stores (the engine's file ref schema). */
export const fileRefSchema = {
  type: 'object',
  required: ['id', 'name', 'size', 'mime'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string', description: 'the sanitised original name (NFC, no path, no control characters)' },
    size: { type: 'integer', description: 'bytes' },
    mime: { type: 'string', description: 'decided from the bytes, not from the client' },
  },
  additionalProperties: false,
} as const;

export const uploadParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['formId'],
  properties: { formId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const uploadQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field'],
  properties: {
    field: {
      type: 'string',
      minLength: 1,
      maxLength: 129,
      description: 'the image, attachment or signature field: `fieldId`, or `subtableId.columnId`',
    },
  },
} as const;

export const fileParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fileId'],
  properties: { fileId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const downloadQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    disposition: {
      type: 'string',
      enum: ['attachment', 'inline'],
      default: 'attachment',
      description: '`inline` is honoured for PNG, JPEG, GIF, WebP, BMP and AVIF only',
    },
  },
} as const;

export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;
