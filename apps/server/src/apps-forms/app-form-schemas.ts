/** JSON Schemas of the app and form routes: they validate requests and generate the OpenAPI document. */
export { problems } from '../directory/directory-schemas.js';

export const APPS_TAG = 'apps';
export const FORMS_TAG = 'forms';

const idSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;
const paramsOf = <K extends string>(...names: K[]) =>
  ({
    type: 'object',
    required: names,
    additionalProperties: false,
    properties: Object.fromEntries(names.map((n) => [n, idSchema])) as Record<K, typeof idSchema>,
  }) as const;

export const appParams = paramsOf('appId');
export const formParams = paramsOf('formId');
export const fieldParams = paramsOf('formId', 'fieldId');
export const versionParams = {
  type: 'object',
  required: ['formId', 'version'],
  additionalProperties: false,
  properties: { formId: idSchema, version: { type: 'integer', minimum: 1, maximum: 1_000_000_000 } },
} as const;

/**
 * A definition body. Its content is checked by the engine (422 INVALID_DEFINITION lists every problem); the JSON
 * itself by the strict definition parser (400 DUPLICATE_KEY, NESTING_TOO_DEEP, FORBIDDEN_KEY, INVALID_CHARACTER).
 */
export const appDefinitionBody = {
  type: 'object',
  description: 'An app definition without `forms` (views, workflows, automations, dashboards, permission groups).',
  additionalProperties: true,
} as const;

export const formDefinitionBody = {
  type: 'object',
  description: 'A form definition: `id`, `name`, `fields`, optional `layout`, `logic`, `settings`.',
  additionalProperties: true,
} as const;

export const typeChangeBody = {
  type: 'object',
  required: ['field', 'strategy'],
  additionalProperties: false,
  properties: {
    field: { type: 'object', additionalProperties: true, description: 'The new field definition (same id).' },
    strategy: { enum: ['dryRun', 'reject', 'keepOriginal'] },
  },
} as const;

const anyObject = { type: 'object', additionalProperties: true } as const;
const actionList = { type: 'array', items: { type: 'string' } } as const;

export const formSummarySchema = {
  type: 'object',
  required: ['id', 'name', 'publishedVersion', 'actions'],
  properties: {
    id: { type: 'string' },
    name: {},
    description: {},
    publishedVersion: { type: ['integer', 'null'] },
    actions: { ...actionList, description: 'What the caller may do on the form.' },
  },
} as const;

export const appSummarySchema = {
  type: 'object',
  required: ['id', 'name', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    name: {},
    description: {},
    icon: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const appListSchema = {
  type: 'object',
  required: ['apps'],
  properties: { apps: { type: 'array', items: appSummarySchema } },
} as const;

/** An app definition (as the caller may see it) with its forms as summaries. */
export const appSchema = {
  type: 'object',
  required: ['id', 'name', 'forms'],
  additionalProperties: true,
  properties: { id: { type: 'string' }, name: {}, forms: { type: 'array', items: formSummarySchema } },
} as const;

export const liveFormSchema = {
  type: 'object',
  required: ['id', 'appId', 'fields', 'access'],
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    appId: { type: 'string' },
    version: { type: 'integer' },
    fields: { type: 'array', items: anyObject },
    access: {
      type: 'object',
      required: ['actions', 'readable', 'writable', 'writableFor'],
      properties: {
        actions: actionList,
        readable: actionList,
        writable: actionList,
        writableFor: {
          type: 'object',
          required: ['submit', 'edit'],
          properties: { submit: actionList, edit: actionList },
        },
      },
    },
  },
} as const;

export const draftSchema = {
  type: 'object',
  required: ['formId', 'appId', 'publishedVersion', 'updatedAt', 'definition'],
  properties: {
    formId: { type: 'string' },
    appId: { type: 'string' },
    publishedVersion: { type: ['integer', 'null'] },
    updatedAt: { type: 'string' },
    definition: anyObject,
  },
} as const;

const idArray = { type: 'array', items: { type: 'string' } } as const;

export const diffSchema = {
  type: 'object',
  required: ['publishedVersion', 'added', 'removed', 'changed', 'deleted', 'restored'],
  properties: {
    publishedVersion: { type: ['integer', 'null'] },
    added: idArray,
    removed: idArray,
    changed: idArray,
    deleted: idArray,
    restored: idArray,
  },
} as const;

const versionInfo = {
  version: { type: 'integer' },
  publishedBy: { type: ['string', 'null'] },
  publishedAt: { type: 'string' },
} as const;

export const versionListSchema = {
  type: 'object',
  required: ['versions'],
  properties: { versions: { type: 'array', items: { type: 'object', properties: versionInfo } } },
} as const;

export const versionSchema = {
  type: 'object',
  required: ['formId', 'version', 'publishedAt', 'definition'],
  properties: { formId: { type: 'string' }, ...versionInfo, definition: anyObject },
} as const;

export const typeChangeResultSchema = {
  type: 'object',
  required: ['applied', 'convertible', 'unconvertible', 'empty', 'samples'],
  properties: {
    applied: { type: 'boolean' },
    convertible: { type: 'integer' },
    unconvertible: { type: 'integer' },
    empty: { type: 'integer' },
    samples: {
      type: 'array',
      items: {
        type: 'object',
        properties: { recordId: { type: 'string' }, before: {}, reason: { type: 'string' } },
      },
    },
    changedRecords: { type: 'integer' },
    keptOriginal: { type: 'integer' },
    publishedVersion: { type: ['integer', 'null'] },
  },
} as const;
