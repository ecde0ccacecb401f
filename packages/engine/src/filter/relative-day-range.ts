import { addDays } from './add-days.js';
import { zonedToday } from './zoned-today.js';

export type RelativeDateOperator = 'isToday' | 'isThisWeek' | 'isThisMonth' | 'withinLastDays' | 'withinNextDays';

/** Inclusive calendar range `from … to` (`YYYY-MM-DD`) of a relative date operator, seen from `now` in `timezone`. */
export type DayRange = { from: string; to: string };

/**
 * The days a relative operator covers, in the viewer's zone: today; this week (Monday to Sunday); this month;
 * the last N days (today − N … today); the next N days (today … today + N).
 */
export function relativeDayRange(op: RelativeDateOperator, days: number, now: Date, timezone: string): DayRange {
  const today = zonedToday(now, timezone);
  switch (op) {
    case 'isToday':
      return { from: today, to: today };
    case 'isThisWeek': {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
      const from = addDays(today, -((weekday + 6) % 7));
      return { from, to: addDays(from, 6) };
    }
    case 'isThisMonth': {
      const from = `${today.slice(0, 8)}01`;
      return { from, to: addDays(addDays(from, 31).slice(0, 8) + '01', -1) };
    }
    case 'withinLastDays':
      return { from: addDays(today, -days), to: today };
    case 'withinNextDays':
      return { from: today, to: addDays(today, days) };
  }
}
