import type { FieldDef, JsonSchema, JsonValue } from '@formflow/schema';
import { parseNumber } from '../../parse/parse-number.js';
import { roundDecimal } from '../../values/round-decimal.js';
import type { ParseResult } from '../field-type.js';
import { numberSetting } from './settings.js';

/** `{ type: 'number' }` bounded by `settings.min`/`max` (decimal places are fixed by `normalize`, not the schema). */
export function boundedNumberSchema(field: FieldDef): JsonSchema {
  const schema: JsonSchema = { type: 'number' };
  const min = numberSetting(field, 'min');
  const max = numberSetting(field, 'max');
  if (min !== undefined) schema['minimum'] = min;
  if (max !== undefined) schema['maximum'] = max;
  return schema;
}

/** Parses number text (see `parseNumber`), empty → null, rounded to `decimals` when given. */
export function parseNumberText(text: string, decimals: number | undefined): ParseResult {
  if (text.trim() === '') return { ok: true, value: null };
  const r = parseNumber(text);
  if (!r.ok) return r;
  return { ok: true, value: decimals === undefined ? r.value : roundDecimal(r.value, decimals) };
}

/** Rounds a stored number to `decimals` (when set); other values pass through. */
export function roundTo(value: JsonValue, decimals: number | undefined): JsonValue {
  return typeof value === 'number' && decimals !== undefined ? roundDecimal(value, decimals) : value;
}

export function numericSortKey(value: JsonValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
