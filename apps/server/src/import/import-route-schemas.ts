import { problemSchema as problem } from '../http/problem-schema.js';

export const problemResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  413: problem,
  415: problem,
  422: problem,
  503: problem,
} as const;

export const formParams = {
  type: 'object',
  required: ['formId'],
  properties: { formId: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const jobParams = {
  type: 'object',
  required: ['jobId'],
  properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const errorsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { enum: ['csv', 'json'], default: 'csv' } },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const rowError = {
  type: 'object',
  properties: {
    row: { type: 'integer' },
    column: { type: 'string' },
    fieldId: { type: 'string' },
    code: { type: 'string' },
    value: { type: 'string' },
    message: { type: 'string' },
  },
} as const;

export const statusSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    formId: { type: 'string' },
    status: { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] },
    phase: { enum: ['queued', 'reading', 'writing', 'done'] },
    mode: { enum: ['allOrNothing', 'validRowsOnly'] },
    fileName: nullableString,
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    rowsDone: { type: 'integer' },
    totalRows: { type: ['integer', 'null'] },
    rowsImported: { type: 'integer' },
    rowsUpdated: { type: 'integer' },
    rowsSkipped: { type: 'integer' },
    rowsFailed: { type: 'integer' },
    etaSeconds: { type: ['integer', 'null'] },
    createdAt: { type: 'string' },
    startedAt: nullableString,
    finishedAt: nullableString,
    error: {
      anyOf: [
        { type: 'null' },
        { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
      ],
    },
  },
} as const;

export const acceptedSchema = {
  type: 'object',
  properties: {
    jobId: { type: 'string' },
    status: { type: 'string' },
    statusUrl: { type: 'string' },
    errorsUrl: { type: 'string' },
  },
} as const;

export const errorsJsonSchema = {
  type: 'object',
  properties: { rowsFailed: { type: 'integer' }, errors: { type: 'array', items: rowError } },
} as const;

export const previewSchema = {
  type: 'object',
  properties: {
    format: { enum: ['csv', 'xlsx'] },
    encoding: nullableString,
    delimiter: nullableString,
    headers: { type: 'array', items: { type: 'string' } },
    columns: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          column: { type: 'string' },
          fieldId: nullableString,
          error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
    problems: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          key: { type: 'string' },
          label: { type: 'string' },
          type: { type: 'string' },
          required: { type: 'boolean' },
          unique: { type: 'boolean' },
        },
      },
    },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          row: { type: 'integer' },
          cells: { type: 'array', items: { type: 'string' } },
          values: { type: 'object', additionalProperties: true },
          errors: { type: 'array', items: rowError },
        },
      },
    },
  },
} as const;
