import { excelSerialToParts } from './excel-serial-to-parts.js';
import { localTimeToInstant } from './local-time-to-instant.js';
import { matchDatePrefix } from './match-date-prefix.js';
import { parseFailure, type ParseOutcome } from './parse-outcome.js';
import { parseTimeOfDay } from './parse-time-of-day.js';
import { toHalfWidth } from './to-half-width.js';
import { wallClockMs } from './wall-clock-ms.js';

/**
 * Reads a date-time to a UTC ISO instant `YYYY-MM-DDTHH:mm:ss.sssZ`. Accepts every date form of `parseDate` followed
 * by an optional time (`2025/3/1 14:30`, `2025年3月1日 14:30:05`, `2025-03-01T14:30:00+08:00`, `…Z`) and Excel serials
 * with a fraction (`45717.5` = 2025-03-01 12:00). A date without time is local midnight. Times without an offset are
 * local times in `timeZone`: a time skipped by DST fails with `NONEXISTENT_LOCAL_TIME`, a repeated one takes the
 * earlier instant (see `localTimeToInstant`).
 */
export function parseDateTime(text: string, timeZone: string): ParseOutcome<string> {
  const s = toHalfWidth(text).trim();
  let wall: number;
  let offsetMinutes: number | null = null;
  if (/^\d{1,7}(\.\d+)?$/.test(s)) {
    const parts = excelSerialToParts(Number(s));
    if (!parts.ok) return parts;
    const { year, month, day, msOfDay } = parts.value;
    wall = wallClockMs(year, month, day) + msOfDay;
  } else {
    const prefix = matchDatePrefix(s);
    if (prefix === null) {
      return parseFailure('INVALID_DATETIME', `"${text.trim()}" is not a date-time (expected e.g. 2025-03-01 14:30)`);
    }
    if (!prefix.ok) return prefix;
    const time = parseTimeOfDay(prefix.value.rest);
    if (!time.ok) return time;
    const { year, month, day } = prefix.value;
    const { hour, minute, second, ms } = time.value;
    wall = wallClockMs(year, month, day, hour, minute, second, ms);
    offsetMinutes = time.value.offsetMinutes;
  }
  let instant: number;
  if (offsetMinutes !== null) instant = wall - offsetMinutes * 60000;
  else {
    const local = localTimeToInstant(wall, timeZone);
    if (!local.ok) return { ...local, message: `"${text.trim()}": ${local.message}` };
    instant = local.value;
  }
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (Number.isNaN(instant) || year < 1 || year > 9999) {
    return parseFailure('INVALID_DATETIME', `"${text.trim()}" is outside the years 0001–9999 in UTC`);
  }
  return { ok: true, value: date.toISOString() };
}
