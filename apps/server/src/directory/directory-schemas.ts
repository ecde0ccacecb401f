import { problemSchema, problems } from '../http/problem-schema.js';

export { problemSchema, problems };
/** JSON Schemas of the directory routes: they validate requests and generate the OpenAPI document. */

export const TAG = 'directory';

export const idSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;
/** Names are normalised and checked by the store (NFC, trimmed, 1–100 graphemes, no control characters). */
export const nameSchema = { type: 'string', minLength: 1, maxLength: 2000 } as const;
export const roleSchema = { enum: ['owner', 'admin', 'member'] } as const;
export const statusSchema = { enum: ['active', 'suspended'] } as const;
const idList = { type: 'array', maxItems: 500, items: idSchema } as const;

export const paramsOf = (name: string) =>
  ({ type: 'object', required: [name], additionalProperties: false, properties: { [name]: idSchema } }) as const;

export const workspaceSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

export const workspaceBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: nameSchema },
} as const;

export const memberSchema = {
  type: 'object',
  required: ['id', 'name', 'role', 'status', 'departmentIds', 'roleIds'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: { type: ['string', 'null'], description: 'Only for owners and admins.' },
    role: roleSchema,
    status: statusSchema,
    departmentIds: { type: 'array', items: { type: 'string' } },
    roleIds: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string', description: 'Only for owners and admins.' },
  },
} as const;

export const createMemberBody = {
  type: 'object',
  required: ['email'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 320 },
    name: nameSchema,
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    role: roleSchema,
  },
} as const;

export const updateMemberBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: nameSchema,
    role: roleSchema,
    status: statusSchema,
    departmentIds: idList,
    roleIds: idList,
  },
} as const;

export const departmentSchema = {
  type: 'object',
  required: ['id', 'parentId', 'name', 'sort'],
  properties: {
    id: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    name: { type: 'string' },
    sort: { type: 'integer' },
  },
} as const;

const sortSchema = { type: 'integer', minimum: -1_000_000_000, maximum: 1_000_000_000 } as const;

export const createDepartmentBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: nameSchema, parentId: { ...idSchema, type: ['string', 'null'] }, sort: sortSchema },
} as const;

export const updateDepartmentBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: nameSchema, parentId: { ...idSchema, type: ['string', 'null'] }, sort: sortSchema },
} as const;

export const roleItemSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

export const roleBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: nameSchema },
} as const;
