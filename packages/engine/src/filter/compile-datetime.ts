import type { FilterOperator } from '@formflow/schema';
import { addDays } from './add-days.js';
import { isDateOnly } from './is-date-only.js';
import { parseInstant } from './parse-instant.js';
import type { FilterContext, ValuePredicate } from './types.js';
import { zonedDayStart } from './zoned-day-start.js';

/** `[lo, hi)` in ms: an instant is a one-millisecond span; a date is that whole day in the viewer's zone. */
type Span = (ctx: FilterContext) => readonly [number, number];

function operandSpan(operand: unknown): Span {
  if (isDateOnly(operand)) {
    let zone: string | undefined;
    let span: readonly [number, number] = [0, 0];
    return (ctx) => {
      if (ctx.timezone !== zone) {
        span = [zonedDayStart(operand, ctx.timezone), zonedDayStart(addDays(operand, 1), ctx.timezone)];
        zone = ctx.timezone;
      }
      return span;
    };
  }
  const ms = parseInstant(operand) as number;
  const fixed = [ms, ms + 1] as const;
  return () => fixed;
}

/**
 * Comparisons on a date-time field (ISO instants). An instant operand compares exactly; a date operand means that
 * whole day in `ctx.timezone`: eq → within the day, gt → after the day ends, gte → from its start, lt → before its
 * start, lte → before it ends. Called on non-empty values only; the caller negates for neq / notIn.
 */
export function compileDatetime(op: FilterOperator, operand: unknown): ValuePredicate {
  const within = (span: Span): ValuePredicate => {
    return (value, ctx) => {
      const t = parseInstant(value);
      if (t === undefined) return false;
      const [lo, hi] = span(ctx);
      return t >= lo && t < hi;
    };
  };
  if (op === 'in' || op === 'notIn') {
    const spans = (operand as unknown[]).map(operandSpan);
    return (value, ctx) => {
      const t = parseInstant(value);
      if (t === undefined) return false;
      return spans.some((span) => {
        const [lo, hi] = span(ctx);
        return t >= lo && t < hi;
      });
    };
  }
  if (op === 'between') {
    const [min, max] = (operand as unknown[]).map(operandSpan) as [Span, Span];
    return (value, ctx) => {
      const t = parseInstant(value);
      return t !== undefined && t >= min(ctx)[0] && t < max(ctx)[1];
    };
  }
  const span = operandSpan(operand);
  const at = (test: (t: number, lo: number, hi: number) => boolean): ValuePredicate => {
    return (value, ctx) => {
      const t = parseInstant(value);
      if (t === undefined) return false;
      const [lo, hi] = span(ctx);
      return test(t, lo, hi);
    };
  };
  switch (op) {
    case 'eq':
    case 'neq':
      return within(span);
    case 'gt':
      return at((t, _lo, hi) => t >= hi);
    case 'gte':
      return at((t, lo) => t >= lo);
    case 'lt':
      return at((t, lo) => t < lo);
    case 'lte':
      return at((t, _lo, hi) => t < hi);
    default:
      throw new Error(`compileDatetime: unexpected operator ${op}`);
  }
}
