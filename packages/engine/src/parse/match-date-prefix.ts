import { isValidYmd } from './is-valid-ymd.js';
import { formatYmd } from './format-ymd.js';
import { parseFailure, type ParseOutcome } from './parse-outcome.js';

export type DatePrefix = { year: number; month: number; day: number; rest: string };

const PATTERNS: readonly RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/,
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/,
  /^(\d{4})(\d{2})(\d{2})(?=$|[T\s])/,
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENGLISH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/i;

/**
 * Reads the calendar date at the start of (half-width, trimmed) text: `2025-03-01`, `2025-3-1`, `2025/3/1`, `2025.3.1`,
 * `2025年3月1日`, `20250301`, `Mar 1, 2025` (the en display form); returns the rest (a time, perhaps). Years must be 0001–9999 written with four digits:
 * `0000-01-01` and expanded years such as `+275760-09-13` are rejected explicitly (JavaScript and Excel cannot round-trip
 * them and `YYYY-MM-DD` storage has no room for them). Returns `null` when the text does not start with a date.
 */
export function matchDatePrefix(text: string): ParseOutcome<DatePrefix> | null {
  if (/^[+-]\d{5,6}-\d{1,2}-\d{1,2}/.test(text) || /^-\d{4}-/.test(text)) {
    return parseFailure('INVALID_DATE', `"${text}": only years 0001–9999 are accepted`);
  }
  const english = ENGLISH.exec(text);
  const matches = english ? [english] : PATTERNS.map((p) => p.exec(text));
  for (const m of matches) {
    if (!m) continue;
    const parts = english
      ? [m[3], String(MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1), m[2]]
      : m.length === 5
        ? [m[1], m[3], m[4]]
        : [m[1], m[2], m[3]];
    const [year, month, day] = parts.map((p) => Number(p ?? 'NaN')) as [number, number, number];
    if (year === 0) return parseFailure('INVALID_DATE', `"${text}": year 0000 does not exist (years 0001–9999)`);
    if (!isValidYmd(year, month, day)) {
      return parseFailure('INVALID_DATE', `"${formatYmd(year, month, day)}" is not a calendar date`);
    }
    return { ok: true, value: { year, month, day, rest: text.slice(m[0].length) } };
  }
  return null;
}
