import { problemSchema } from '../files/file-schemas.js';

export const TAG = 'public-links';

const idSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const formParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['formId'],
  properties: { formId: idSchema },
} as const;

export const linkParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['linkId'],
  properties: { linkId: idSchema },
} as const;

export const tokenParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

const fieldsSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 500,
  items: { type: 'string', minLength: 1, maxLength: 64 },
  description: 'top-level field ids the link exposes: writable fields of the live form',
} as const;

const nameSchema = {
  type: ['string', 'null'],
  maxLength: 100,
  pattern: '^[^\\u0000-\\u001f\\u007f]*$',
  description: 'a label for managers (no control characters)',
} as const;
const expiresSchema = {
  type: ['string', 'null'],
  format: 'date-time',
  description: 'ISO instant after which the link answers 404; null = never',
} as const;

export const createLinkBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fields'],
  properties: { name: nameSchema, fields: fieldsSchema, expiresAt: expiresSchema },
} as const;

export const updateLinkBodySchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: nameSchema, fields: fieldsSchema, enabled: { type: 'boolean' }, expiresAt: expiresSchema },
} as const;

export const linkSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    formId: { type: 'string' },
    token: { type: 'string', description: 'the secret part of the public URL (43 characters)' },
    path: { type: 'string', description: '`/api/v1/public/forms/<token>`' },
    name: { type: ['string', 'null'] },
    fields: { type: 'array', items: { type: 'string' } },
    enabled: { type: 'boolean' },
    open: { type: 'boolean', description: 'enabled and not expired' },
    expiresAt: { type: ['string', 'null'] },
    submissions: { type: 'integer' },
    createdBy: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const submitBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['data'],
  properties: { data: { type: 'object', description: '{ fieldId: value } for exposed fields only' } },
} as const;

export const publicFormSchema = {
  type: 'object',
  properties: {
    name: { type: ['string', 'null'] },
    expiresAt: { type: ['string', 'null'] },
    form: { type: 'object', additionalProperties: true, description: 'the form definition, exposed fields only' },
  },
} as const;

export const submittedSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    submittedAt: { type: 'string' },
    message: { type: ['string', 'null'], description: "the form's submit message in the visitor's language" },
  },
} as const;

export const responses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<number, typeof problemSchema>;
