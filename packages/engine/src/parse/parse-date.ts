import { excelSerialToParts } from './excel-serial-to-parts.js';
import { formatYmd } from './format-ymd.js';
import { matchDatePrefix } from './match-date-prefix.js';
import { parseFailure, type ParseOutcome } from './parse-outcome.js';
import { toHalfWidth } from './to-half-width.js';

/**
 * Reads a date-only value to `YYYY-MM-DD` (never shifted by a time zone, RELIABILITY L2). Accepts the forms of
 * `matchDatePrefix`, optionally followed by a midnight time (`2025/3/1 0:00`, as Excel exports dates), and Excel serial
 * day numbers (`45717` → `2025-03-01`; a fraction is a time of day and is dropped). Other times and offsets are rejected:
 * use a datetime field for them.
 */
export function parseDate(text: string): ParseOutcome<string> {
  const s = toHalfWidth(text).trim();
  if (/^\d{1,7}(\.\d+)?$/.test(s)) {
    const parts = excelSerialToParts(Number(s));
    if (!parts.ok) return parts;
    return { ok: true, value: formatYmd(parts.value.year, parts.value.month, parts.value.day) };
  }
  const prefix = matchDatePrefix(s);
  if (prefix === null) {
    return parseFailure(
      'INVALID_DATE',
      `"${text.trim()}" is not a date (expected e.g. 2025-03-01, 2025/3/1, 2025年3月1日)`,
    );
  }
  if (!prefix.ok) return prefix;
  const { year, month, day, rest } = prefix.value;
  if (rest.trim() !== '' && !/^(\s+|T)0{1,2}:00(:00(\.0+)?)?$/.test(rest)) {
    return parseFailure('INVALID_DATE', `"${text.trim()}" has a time or text after the date`);
  }
  return { ok: true, value: formatYmd(year, month, day) };
}
