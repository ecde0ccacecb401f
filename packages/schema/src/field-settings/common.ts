import { ID_PATTERN } from '../ids.js';
import type { JsonSchema } from '../json-schema.js';

/** JSON Schema fragments shared by the per-type settings schemas (draft-07, ajv strict-clean). */
export const idSchema: JsonSchema = { type: 'string', pattern: ID_PATTERN };

/** `LocalizedText`: a plain string or `{ "zh-CN"?, "en"? }`. */
export const localizedTextSchema: JsonSchema = {
  anyOf: [
    { type: 'string', maxLength: 2000 },
    {
      type: 'object',
      properties: { 'zh-CN': { type: 'string', maxLength: 2000 }, en: { type: 'string', maxLength: 2000 } },
      additionalProperties: false,
    },
  ],
};

/** A JsonLogic rule: any JSON value (checked by the rule validator, not here). */
export const ruleSchema: JsonSchema = {};

/** A non-negative integer setting. */
export const countSchema = (maximum: number): JsonSchema => ({ type: 'integer', minimum: 0, maximum });

/** Decimal places shown and stored (0–10). */
export const decimalsSchema: JsonSchema = { type: 'integer', minimum: 0, maximum: 10 };

/** Placeholder and help text every input type may carry. */
export const inputHintProperties: { [key: string]: JsonSchema } = {
  placeholder: localizedTextSchema,
};

/** Builds an object schema with `additionalProperties: false`. */
export function settingsObject(properties: { [key: string]: JsonSchema }, required: string[] = []): JsonSchema {
  return required.length > 0
    ? { type: 'object', properties, required, additionalProperties: false }
    : { type: 'object', properties, additionalProperties: false };
}
