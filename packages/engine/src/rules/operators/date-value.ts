import { TZDate } from '@date-fns/tz';

/** A calendar date as days since 1970-01-01 (UTC arithmetic only: the machine's zone never matters). */
export type EpochDay = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DAY_MS = 86_400_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Epoch day of a valid y/m/d (month 1–12), else null. */
export function toEpochDay(year: number, month: number, day: number): EpochDay | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Days from civil (proleptic Gregorian), no Date objects.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export type Ymd = { year: number; month: number; day: number };

export function fromEpochDay(epochDay: EpochDay): Ymd {
  const d = new Date(epochDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD`, or null outside years 0000–9999. */
export function formatEpochDay(epochDay: EpochDay): string | null {
  if (!Number.isFinite(epochDay)) return null;
  const { year, month, day } = fromEpochDay(epochDay);
  if (year < 0 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

let lastText = '';
let lastDay: EpochDay | null = null;

/** Parses a date-only `YYYY-MM-DD` value (2027-02-30 is invalid). Remembers the last text (`$today` repeats). */
export function parseDateOnly(value: unknown): EpochDay | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value === lastText) return lastDay;
  const m = DATE_RE.exec(value);
  const day = m ? toEpochDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  lastText = value;
  lastDay = day;
  return day;
}

/** Parses an ISO instant with `Z` or an offset (a local time without offset is ambiguous and rejected). */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT_RE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** The calendar date of a date-only value, or of an instant in `timeZone`. */
export function calendarDay(value: unknown, timeZone: string): EpochDay | null {
  const day = parseDateOnly(value);
  if (day !== null) return day;
  const ms = parseInstant(value);
  if (ms === null) return null;
  const z = new TZDate(ms, timeZone);
  return toEpochDay(z.getFullYear(), z.getMonth() + 1, z.getDate());
}

/** Adds whole months to a calendar date, clamping the day to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDay(epochDay: EpochDay, months: number): EpochDay | null {
  const { year, month, day } = fromEpochDay(epochDay);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return toEpochDay(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole months from a to b (b − a), counting a month once its day-of-month (or the month's last day) is reached. */
export function diffMonthsDays(a: EpochDay, b: EpochDay): number {
  if (b < a) return -diffMonthsDays(b, a);
  const x = fromEpochDay(a);
  const y = fromEpochDay(b);
  let months = (y.year - x.year) * 12 + (y.month - x.month);
  if (months > 0 && y.day < x.day && y.day !== daysInMonth(y.year, y.month)) months--;
  return months;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: EpochDay): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}
