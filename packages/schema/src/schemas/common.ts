import { FORBIDDEN_KEYS, ID_PATTERN } from '../ids.js';
import type { JsonSchema } from '../json-schema.js';

/** Base URI of every Formflow schema `$id`. Other schemas (e.g. field settings) may `$ref` them. */
export const SCHEMA_BASE_URI = 'https://formflow.dev/schemas/';

export function schemaId(name: string): string {
  return `${SCHEMA_BASE_URI}${name}.json`;
}

export function ref(name: string): JsonSchema {
  return { $ref: schemaId(name) };
}

/** ID_PATTERN, also refusing the keys that reach Object.prototype. */
export const SAFE_ID_PATTERN = `^(?!(?:${[...FORBIDDEN_KEYS].join('|')})$)${ID_PATTERN.slice(1)}`;

export const idSchema: JsonSchema = { type: 'string', pattern: SAFE_ID_PATTERN };

export function idListSchema(maxItems: number, minItems = 0): JsonSchema {
  return { type: 'array', items: idSchema, minItems, maxItems };
}

/** Caps of user-facing texts. */
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;

/** A LocalizedText: a string, or `{ "zh-CN"?, en? }` with at least one locale. */
export function localizedTextSchema(maxLength: number, minLength = 1): JsonSchema {
  const text = { type: 'string', minLength, maxLength };
  return {
    type: ['string', 'object'],
    minLength,
    maxLength,
    minProperties: 1,
    additionalProperties: false,
    properties: { 'zh-CN': text, en: text },
  };
}

/** A JsonLogic rule: any JSON at this level (operators are checked by the engine, vars by the semantic checks). */
export const ruleSchema: JsonSchema = {};

/** An object keyed by ids, e.g. per-field permissions. */
export function idMapSchema(valueSchema: JsonSchema, maxProperties = 2000): JsonSchema {
  return {
    type: 'object',
    propertyNames: { type: 'string', pattern: SAFE_ID_PATTERN },
    additionalProperties: valueSchema,
    maxProperties,
  };
}

export const boolSchema: JsonSchema = { type: 'boolean' };

export const HTTP_URL_PATTERN = '^https?://[^\\s]+$';
