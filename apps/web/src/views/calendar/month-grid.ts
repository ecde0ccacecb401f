import type { FilterNode } from '@formflow/schema';

/** A calendar day as `YYYY-MM-DD` (no time zone); a month as `YYYY-MM`. */
export type Day = string;
export type Month = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const toDay = (d: Date): Day => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parseDay = (day: Day) => new Date(`${day}T00:00:00Z`);

/** Today (or `now`) in the browser's zone. */
export function localDay(now: Date = new Date()): Day {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}

/** `month` moved by `delta` months. */
export function addMonths(month: Month, delta: number): Month {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function addDays(day: Day, delta: number): Day {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + delta);
  return toDay(date);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return parseDay(day).getUTCDay();
}

/**
 * The month's grid: whole weeks (starting on `weekStartsOn`, 1 = Monday as in China, 0 = Sunday) from the week of
 * the 1st to the week of the last day — 4 to 6 rows of 7 days, the days of the neighbouring months included.
 */
export function monthGrid(month: Month, weekStartsOn: 0 | 1 = 1): Day[][] {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  let day = addDays(first, -((weekday(first) - weekStartsOn + 7) % 7));
  const weeks: Day[][] = [];
  while (day <= last) {
    const week: Day[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The days of a value of a date field (`YYYY-MM-DD`) or a date-time (an instant, placed on the browser's day). */
export function dayOfValue(value: unknown): Day | undefined {
  if (typeof value !== 'string' || value.length < 10) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : localDay(instant);
}

/**
 * Records placed on the grid's days: on the day of `dateField`, or on every visible day from it to `endDateField`
 * (spans, clamped to the grid). Each day keeps the input order.
 */
export function placeOnDays<T extends { data: Record<string, unknown> }>(
  records: readonly T[],
  dateField: string,
  endDateField: string | undefined,
  firstDay: Day,
  lastDay: Day,
): Map<Day, T[]> {
  const out = new Map<Day, T[]>();
  const put = (day: Day, record: T) => {
    const list = out.get(day);
    if (list) list.push(record);
    else out.set(day, [record]);
  };
  for (const record of records) {
    const start = dayOfValue(record.data[dateField]);
    if (!start) continue;
    const endValue = endDateField ? dayOfValue(record.data[endDateField]) : undefined;
    const end = endValue && endValue > start ? endValue : start;
    let day = start < firstDay ? firstDay : start;
    const stop = end > lastDay ? lastDay : end;
    for (let guard = 0; day <= stop && guard < 62; guard += 1) {
      put(day, record);
      day = addDays(day, 1);
    }
  }
  return out;
}

/** The filter selecting the records shown between `firstDay` and `lastDay` (both included). */
export function rangeFilter(
  dateField: string,
  endDateField: string | undefined,
  firstDay: Day,
  lastDay: Day,
): FilterNode {
  const starts: FilterNode = { field: dateField, op: 'between', value: [firstDay, lastDay] };
  if (!endDateField) return starts;
  return {
    or: [
      starts,
      {
        and: [
          { field: dateField, op: 'lt', value: firstDay },
          { field: endDateField, op: 'gte', value: firstDay },
        ],
      },
    ],
  };
}
