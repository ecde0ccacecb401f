import type { FieldDef, JsonSchema } from '@formflow/schema';
import { findInvalidCharacter, graphemeLength, normalizeText } from '../../text/index.js';
import type { ParseResult } from '../field-type.js';
import { numberSetting, stringSetting } from './settings.js';

/** Hard cap of any text value in graphemes (RELIABILITY K2). */
export const TEXT_HARD_MAX = 100000;

/** Max graphemes of a text-like field: `settings.maxLength`, else the type default, never above 100000. */
export function maxGraphemesOf(field: FieldDef, fallback: number): number {
  return Math.min(numberSetting(field, 'maxLength') ?? fallback, TEXT_HARD_MAX);
}

/** Value schema of free text: clean (no NUL/lone surrogate), grapheme-bounded, optional pattern. */
export function textValueSchema(field: FieldDef, fallbackMax: number): JsonSchema {
  const schema: JsonSchema = { type: 'string', cleanText: true, maxGraphemes: maxGraphemesOf(field, fallbackMax) };
  const min = numberSetting(field, 'minLength');
  if (min !== undefined && min > 0) schema['minGraphemes'] = min;
  const pattern = stringSetting(field, 'pattern');
  if (pattern !== undefined) schema['pattern'] = pattern;
  return schema;
}

/**
 * Checks typed or imported text the way the value schema will (K1–K3): NFC, clean, within the grapheme bounds,
 * matching `pattern`. Returns the NFC text.
 */
export function checkText(text: string, field: FieldDef, fallbackMax: number): ParseResult {
  const value = normalizeText(text);
  const bad = findInvalidCharacter(value);
  if (bad) {
    const what = bad.reason === 'NUL' ? 'a NUL character' : 'a lone surrogate';
    return { ok: false, code: 'INVALID_CHARACTER', message: `text has ${what} at index ${bad.index}` };
  }
  const max = maxGraphemesOf(field, fallbackMax);
  const min = numberSetting(field, 'minLength');
  // A text never has more graphemes than UTF-16 units: within the maximum by units and no minimum, nothing to count.
  const length = value.length <= max && min === undefined ? value.length : graphemeLength(value);
  if (length > max) return { ok: false, code: 'TOO_LONG', message: `text has ${length} characters; at most ${max}` };
  if (min !== undefined && length < min) {
    return { ok: false, code: 'TOO_SHORT', message: `text has ${length} characters; at least ${min}` };
  }
  const pattern = stringSetting(field, 'pattern');
  if (pattern !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = undefined;
    }
    if (re && !re.test(value)) {
      return { ok: false, code: 'PATTERN_MISMATCH', message: `"${value}" does not match the pattern ${pattern}` };
    }
  }
  return { ok: true, value };
}
