import { addDays } from './add-days.js';
import type { FieldKind } from './field-kind.js';
import { memoByClock } from './memo-by-clock.js';
import { parseInstant } from './parse-instant.js';
import { relativeDayRange, type RelativeDateOperator } from './relative-day-range.js';
import type { ValuePredicate } from './types.js';
import { zonedDayStart } from './zoned-day-start.js';

/**
 * isToday / isThisWeek / isThisMonth / withinLastDays / withinNextDays, with the day range worked out once per
 * (ctx.now, ctx.timezone). A date field compares its `YYYY-MM-DD` string with the range (never shifted by a zone);
 * a date-time field compares its instant with the range's start and end in the viewer's zone.
 */
export function compileRelativeDate(kind: FieldKind, op: RelativeDateOperator, days: number): ValuePredicate {
  if (kind === 'date') {
    const range = memoByClock((now, zone) => relativeDayRange(op, days, now, zone));
    return (value, ctx) => {
      if (typeof value !== 'string') return false;
      const { from, to } = range(ctx);
      return value >= from && value <= to;
    };
  }
  const span = memoByClock((now, zone) => {
    const { from, to } = relativeDayRange(op, days, now, zone);
    return [zonedDayStart(from, zone), zonedDayStart(addDays(to, 1), zone)] as const;
  });
  return (value, ctx) => {
    const t = parseInstant(value);
    if (t === undefined) return false;
    const [lo, hi] = span(ctx);
    return t >= lo && t < hi;
  };
}
