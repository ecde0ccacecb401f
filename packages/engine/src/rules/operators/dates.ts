import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  differenceInDays,
  differenceInMonths,
  differenceInWeeks,
  differenceInYears,
} from 'date-fns';
import type { Rule } from '@formflow/schema';
import type { ArgumentProblem, CompiledNode, CompileEnv, Evaluator, Operator } from '../types.js';
import { ownGet } from '../var-path.js';
import {
  addMonthsToDay,
  calendarDay,
  diffMonthsDays,
  formatEpochDay,
  fromEpochDay,
  isoWeekday,
  parseDateOnly,
  parseInstant,
  toEpochDay,
  type EpochDay,
} from './date-value.js';
import { sqlDateAdd, sqlDateDiff } from '../sql/translate-dates.js';

const GROUP = 'dates';
const ADD_UNITS = ['day', 'week', 'month', 'year'];
const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'];

function unitCheck(index: number, units: readonly string[]): (args: readonly Rule[]) => ArgumentProblem | null {
  return (args) => {
    const unit = args[index];
    if (unit === undefined || typeof unit !== 'string' || units.includes(unit)) return null;
    return { argIndex: index, code: 'INVALID_ARGUMENT', message: `unit must be one of ${units.join(', ')}` };
  };
}

/** Builds an evaluator for an eager date operator that needs the compile-time time zone. */
function withZone(
  fn: (args: readonly unknown[], timeZone: string) => unknown,
): (args: readonly CompiledNode[], env: CompileEnv) => Evaluator {
  return (args, env) => {
    const fns = args.map((arg) => arg.evaluate);
    const tz = env.timeZone;
    if (fns.length === 1) {
      const a = fns[0] as Evaluator;
      return (data, root) => fn([a(data, root)], tz);
    }
    if (fns.length === 3 && args[2]?.constant) {
      // The common shape [date, date|n, "unit"]: one reusable argument array, no allocation per call.
      const [a, b] = fns as [Evaluator, Evaluator];
      const values: unknown[] = [undefined, undefined, args[2].value];
      return (data, root) => {
        values[0] = a(data, root);
        values[1] = b(data, root);
        const out = fn(values, tz);
        values[0] = values[1] = undefined;
        return out;
      };
    }
    return (data, root) => {
      const values = new Array<unknown>(fns.length);
      for (let i = 0; i < fns.length; i++) values[i] = (fns[i] as Evaluator)(data, root);
      return fn(values, tz);
    };
  };
}

export function dateAdd(date: unknown, n: unknown, unit: unknown, timeZone: string): string | null {
  if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > 1_000_000) return null;
  const day = parseDateOnly(date);
  if (day !== null) {
    if (unit === 'day') return formatEpochDay(day + n);
    if (unit === 'week') return formatEpochDay(day + 7 * n);
    const months = unit === 'month' ? n : unit === 'year' ? 12 * n : null;
    if (months === null) return null;
    const out = addMonthsToDay(day, months);
    return out === null ? null : formatEpochDay(out);
  }
  const ms = parseInstant(date);
  if (ms === null) return null;
  const z = new TZDate(ms, timeZone);
  const moved =
    unit === 'day'
      ? addDays(z, n)
      : unit === 'week'
        ? addWeeks(z, n)
        : unit === 'month'
          ? addMonths(z, n)
          : unit === 'year'
            ? addYears(z, n)
            : null;
  if (moved === null || Number.isNaN(moved.getTime())) return null;
  return new Date(moved.getTime()).toISOString();
}

/** Whole units from a to b (b − a). Two instants: elapsed units in the zone; otherwise calendar dates. */
export function dateDiff(a: unknown, b: unknown, unit: unknown, timeZone: string): number | null {
  let da = parseDateOnly(a);
  let db = parseDateOnly(b);
  if (da === null || db === null) {
    const ia = da === null ? parseInstant(a) : null;
    const ib = db === null ? parseInstant(b) : null;
    if (ia !== null && ib !== null) return instantDiff(ia, ib, unit, timeZone);
    da = da ?? calendarDay(a, timeZone);
    db = db ?? calendarDay(b, timeZone);
    if (da === null || db === null) return null;
  }
  if (unit === 'day') return db - da;
  if (unit === 'week') return Math.trunc((db - da) / 7);
  if (unit === 'month') return diffMonthsDays(da, db);
  if (unit === 'year') return Math.trunc(diffMonthsDays(da, db) / 12);
  return null;
}

/** Elapsed whole units between two instants, in the zone's wall-clock time (DST-aware). */
function instantDiff(ia: number, ib: number, unit: unknown, timeZone: string): number | null {
  const x = new TZDate(ia, timeZone);
  const y = new TZDate(ib, timeZone);
  if (unit === 'day') return differenceInDays(y, x);
  if (unit === 'week') return differenceInWeeks(y, x);
  if (unit === 'month') return differenceInMonths(y, x);
  if (unit === 'year') return differenceInYears(y, x);
  return null;
}

/** First day of the period containing `day`. Weeks start on Monday. */
function startOf(day: EpochDay, unit: unknown): EpochDay | null {
  const { year, month } = fromEpochDay(day);
  if (unit === 'day') return day;
  if (unit === 'week') return day - (isoWeekday(day) - 1);
  if (unit === 'month') return toEpochDay(year, month, 1);
  if (unit === 'quarter') return toEpochDay(year, month - ((month - 1) % 3), 1);
  if (unit === 'year') return toEpochDay(year, 1, 1);
  return null;
}

function endOf(day: EpochDay, unit: unknown): EpochDay | null {
  if (unit === 'day') return day;
  if (unit === 'week') return day + (7 - isoWeekday(day));
  const start = startOf(day, unit);
  if (start === null) return null;
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const next = addMonthsToDay(start, months);
  return next === null ? null : next - 1;
}

function period(fn: (day: EpochDay, unit: unknown) => EpochDay | null) {
  return (args: readonly unknown[], tz: string): string | null => {
    const day = calendarDay(args[0], tz);
    if (day === null) return null;
    const out = fn(day, args[1]);
    return out === null ? null : formatEpochDay(out);
  };
}

function part(fn: (day: EpochDay) => number) {
  return (args: readonly unknown[], tz: string): number | null => {
    const day = calendarDay(args[0], tz);
    return day === null ? null : fn(day);
  };
}

function contextValue(name: string): Evaluator {
  return (_data, root) => {
    const v = root === null || root === undefined ? undefined : ownGet(root, name);
    return v === undefined ? null : v;
  };
}

const unused = (): never => {
  throw new Error('date operators are built with the compile-time time zone');
};

function dateOp(name: string, minArgs: number, maxArgs: number, fn: (args: readonly unknown[], tz: string) => unknown) {
  return { name, group: GROUP, minArgs, maxArgs, lazy: false as const, apply: unused, build: withZone(fn) };
}

export const dateOperators: readonly Operator[] = [
  // "today" is the viewer's calendar date, supplied as `$today` in the data; read from the root even inside map/filter.
  { name: 'today', group: GROUP, minArgs: 0, maxArgs: 0, lazy: true, build: () => contextValue('$today') },
  { name: 'now', group: GROUP, minArgs: 0, maxArgs: 0, lazy: true, build: () => contextValue('$now') },
  {
    ...dateOp('date_add', 3, 3, (args, tz) => dateAdd(args[0], args[1], args[2], tz)),
    check: unitCheck(2, ADD_UNITS),
    sql: sqlDateAdd,
  },
  {
    ...dateOp('date_diff', 3, 3, (args, tz) => dateDiff(args[0], args[1], args[2], tz)),
    check: unitCheck(2, ADD_UNITS),
    sql: sqlDateDiff,
  },
  { ...dateOp('days_between', 2, 2, (args, tz) => dateDiff(args[0], args[1], 'day', tz)), sql: sqlDateDiff },
  { ...dateOp('start_of', 2, 2, period(startOf)), check: unitCheck(1, PERIOD_UNITS) },
  { ...dateOp('end_of', 2, 2, period(endOf)), check: unitCheck(1, PERIOD_UNITS) },
  dateOp(
    'year',
    1,
    1,
    part((d) => fromEpochDay(d).year),
  ),
  dateOp(
    'month',
    1,
    1,
    part((d) => fromEpochDay(d).month),
  ),
  dateOp(
    'day',
    1,
    1,
    part((d) => fromEpochDay(d).day),
  ),
  dateOp('weekday', 1, 1, part(isoWeekday)),
];
