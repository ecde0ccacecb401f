import { TZDate } from '@date-fns/tz';

/** The calendar date (`YYYY-MM-DD`) that `now` falls on in the IANA zone `timezone`. Throws on an unknown zone. */
export function zonedToday(now: Date, timezone: string): string {
  const d = new TZDate(now.getTime(), timezone);
  if (Number.isNaN(d.getTime()) || Number.isNaN(d.getFullYear())) {
    throw new RangeError(`invalid time zone or date in filter context: ${JSON.stringify(timezone)}`);
  }
  const y = d.getFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
