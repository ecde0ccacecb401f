import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findInvalidCharacter, graphemeLength, normalizeText } from '../text/index.js';
import { isCalendarDate } from '../values/is-calendar-date.js';
import { isEmptyValue } from '../values/is-empty-value.js';

// ajv-formats is CommonJS; its default export arrives as the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/**
 * The one ajv configuration behind every value schema of field types (browser and server alike).
 * `$data` stays off (RELIABILITY I5); `allErrors` is off because a field reports its first problem.
 * Custom keywords, used by field types' value schemas:
 * - `maxGraphemes` / `minGraphemes`: text length in user-perceived characters (RELIABILITY K2), not UTF-16 units;
 * - `instant`: a date-time JavaScript reads, within years 0001–9999 once in UTC;
 * - `calendarDate`: a real `YYYY-MM-DD` date in years 0001–9999 (one pass; replaces a pattern plus a format);
 *   `dateMinimum` / `dateMaximum` bound such dates (they order as text);
 * - `cleanText`: no NUL and no lone surrogate (RELIABILITY K3). It also notes, in `textScan`, whether a string it
 *   accepted is not in NFC, so a caller validating raw input learns in the same pass whether any text needs NFC.
 */
/**
 * Set by `cleanText` when it accepts a string that NFC would change, and (`hasEmpty`) by `cleanText` / `noteEmptyList`
 * when a value is blank text or an empty list, which are stored as null. Validation is synchronous: reset it, validate,
 * read it (validateRecord's fast path does exactly that).
 */
export const textScan = { needsNfc: false, hasEmpty: false };

/** Text that is clean (no NUL, no surrogate at all) and that NFC cannot change: the common case, one native scan. */
// eslint-disable-next-line no-control-regex -- the class starts at U+0001 on purpose: NUL is what it excludes
const CLEAN_AND_STABLE = /^[\u0001-\u02ff\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

function cleanText(data: string): boolean {
  // Blank text is stored as null: note it so the caller walks the values (rare).
  if (isEmptyValue(data)) textScan.hasEmpty = true;
  if (CLEAN_AND_STABLE.test(data)) return true;
  if (findInvalidCharacter(data) !== null) return false;
  if (normalizeText(data) !== data) textScan.needsNfc = true;
  return true;
}

/** An instant JavaScript reads whose UTC form stays within years 0001–9999 (`9999-12-31T23:59:59-14:00` does not). */
function isStorableInstant(text: string): boolean {
  // The shape is checked by the pattern; only years 0001 and 9999 can leave the range once an offset is applied.
  if (!text.startsWith('0001') && !text.startsWith('9999')) return true;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

export function createAjv(): Ajv {
  // verbose: errors carry their schema value, so custom keywords report their limit (maxGraphemes: 5 → "at most 5").
  const ajv = new Ajv({
    allErrors: false,
    strict: true,
    $data: false,
    messages: false,
    validateFormats: true,
    verbose: true,
  });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'maxGraphemes',
    type: 'string',
    schemaType: 'number',
    errors: false,
    compile: (max: number) => (data: string) => data.length <= max || graphemeLength(data) <= max,
  });
  ajv.addKeyword({
    keyword: 'minGraphemes',
    type: 'string',
    schemaType: 'number',
    errors: false,
    compile: (min: number) => (data: string) => graphemeLength(data) >= min,
  });
  ajv.addKeyword({
    keyword: 'cleanText',
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    compile: (on: boolean) => (on ? cleanText : () => true),
  });
  ajv.addKeyword({
    keyword: 'noteEmptyList',
    type: 'array',
    schemaType: 'boolean',
    errors: false,
    compile: () => (data: unknown[]) => {
      if (data.length === 0) textScan.hasEmpty = true;
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'instant',
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    compile: (on: boolean) => (on ? isStorableInstant : () => true),
  });
  ajv.addKeyword({
    keyword: 'calendarDate',
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    compile: (on: boolean) => (on ? isCalendarDate : () => true),
  });
  ajv.addKeyword({
    keyword: 'dateMinimum',
    type: 'string',
    schemaType: 'string',
    errors: false,
    compile: (min: string) => (data: string) => data >= min,
  });
  ajv.addKeyword({
    keyword: 'dateMaximum',
    type: 'string',
    schemaType: 'string',
    errors: false,
    compile: (max: string) => (data: string) => data <= max,
  });
  return ajv;
}
