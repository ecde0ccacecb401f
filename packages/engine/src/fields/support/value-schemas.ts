import type { FieldDef, JsonSchema } from '@formflow/schema';

/** Shared value schemas. `cleanText`/`maxGraphemes` are custom keywords registered by the record validator. */
export const DATE_VALUE_SCHEMA: JsonSchema = { type: 'string', calendarDate: true };

/**
 * An RFC 3339 date-time with `Z` or an offset, years 0001–9999; `normalize` of the datetime types rewrites it as the
 * stored UTC form `YYYY-MM-DDTHH:mm:ss.sssZ`.
 */
export const INSTANT_VALUE_SCHEMA: JsonSchema = {
  type: 'string',
  format: 'date-time',
  // Seconds required (no leap second), offset `Z` or `±hh:mm`: the forms filters and SQL can read.
  pattern: '^(?!0000)\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:[0-5]\\d(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$',
  instant: true,
};

export const ID_VALUE_SCHEMA: JsonSchema = { type: 'string', minLength: 1, maxLength: 128, cleanText: true };

/** One id, or a unique list of ids when `multiple`. */
export function idValueSchema(multiple: boolean): JsonSchema {
  return multiple
    ? { type: 'array', items: ID_VALUE_SCHEMA, uniqueItems: true, minItems: 1, maxItems: 500 }
    : ID_VALUE_SCHEMA;
}

/** A stored file: `{ id, name, size (bytes), mime }`; `maxBytes` caps the size. */
export function fileRefSchema(maxBytes?: number): JsonSchema {
  return {
    type: 'object',
    properties: {
      id: ID_VALUE_SCHEMA,
      name: { type: 'string', minLength: 1, cleanText: true, maxGraphemes: 255 },
      size:
        maxBytes === undefined ? { type: 'integer', minimum: 0 } : { type: 'integer', minimum: 0, maximum: maxBytes },
      mime: { type: 'string', pattern: '^[a-z]+/[A-Za-z0-9.+-]+$', maxLength: 255 },
    },
    required: ['id', 'name', 'size', 'mime'],
    additionalProperties: false,
  };
}

/** Matches nothing: the value schema of layout types, which hold no value. */
export const NO_VALUE_SCHEMA: JsonSchema = { not: {} };

/**
 * A date or date-time value schema with the field's `settings.min` / `settings.max` as ajv-formats'
 * `formatMinimum` / `formatMaximum` (compared as dates or instants, not as text).
 */
export function withDateBounds(base: JsonSchema, field: FieldDef): JsonSchema {
  const { min, max } = field.settings ?? {};
  if (typeof min !== 'string' && typeof max !== 'string') return base;
  // `YYYY-MM-DD` dates order as text (dateMinimum/dateMaximum); instants need ajv-formats' date-time comparison.
  const [lo, hi] = base.calendarDate === true ? ['dateMinimum', 'dateMaximum'] : ['formatMinimum', 'formatMaximum'];
  return {
    ...base,
    ...(typeof min === 'string' ? { [lo]: min } : {}),
    ...(typeof max === 'string' ? { [hi]: max } : {}),
  };
}
