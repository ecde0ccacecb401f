import { TZDate } from '@date-fns/tz';

/**
 * The instant (ms) at which the calendar date `date` (`YYYY-MM-DD`) begins in the IANA zone `timezone`; on a day whose
 * midnight is skipped by a DST change, the first instant that exists. Throws on an unknown zone.
 */
export function zonedDayStart(date: string, timezone: string): number {
  const d = new TZDate(2000, 0, 1, timezone);
  d.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  d.setHours(0, 0, 0, 0);
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`invalid time zone in filter context: ${JSON.stringify(timezone)}`);
  return ms;
}
