import type { JsonSchema } from '../json-schema.js';
import { idSchema, localizedTextSchema, NAME_MAX, ref, schemaId } from './common.js';

const integer = (minimum: number, maximum: number): JsonSchema => ({ type: 'integer', minimum, maximum });

const measureSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'agg'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    agg: { type: 'string', enum: ['count', 'sum', 'avg', 'min', 'max', 'countDistinct'] },
    field: idSchema,
    label: localizedTextSchema(NAME_MAX),
  },
  if: { required: ['agg'], properties: { agg: { const: 'count' } } },
  else: { properties: { field: true }, required: ['field'] },
};

const widgetSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'type', 'title', 'formId', 'measures', 'layout'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    type: { type: 'string', enum: ['kpi', 'bar', 'line', 'pie', 'funnel', 'pivot', 'table'] },
    title: localizedTextSchema(NAME_MAX),
    formId: idSchema,
    dimensions: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: {
          field: idSchema,
          bucket: { type: 'string', enum: ['day', 'week', 'month', 'quarter', 'year'] },
        },
      },
    },
    measures: { type: 'array', items: measureSchema, maxItems: 20 },
    filter: ref('filter'),
    layout: {
      type: 'object',
      required: ['x', 'y', 'w', 'h'],
      additionalProperties: false,
      properties: { x: integer(0, 11), y: integer(0, 10000), w: integer(1, 12), h: integer(1, 100) },
    },
  },
};

export const dashboardSchema: JsonSchema = {
  $id: schemaId('dashboard'),
  type: 'object',
  required: ['id', 'name', 'widgets'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: localizedTextSchema(NAME_MAX),
    widgets: { type: 'array', items: widgetSchema, maxItems: 200 },
  },
};
