import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from '@formflow/store';
import type { StringObjectSchema } from './strict-body.js';

export const loginBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', minLength: 3, maxLength: MAX_EMAIL_LENGTH },
    password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
    /** Narrows the login when one email belongs to several workspaces. */
    workspaceId: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const satisfies StringObjectSchema;

export const createApiKeyBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
} as const satisfies StringObjectSchema;

export const apiKeyParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;
