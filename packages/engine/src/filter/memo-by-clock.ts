import type { FilterContext } from './types.js';

/**
 * Wraps a computation that depends only on `ctx.now` and `ctx.timezone` with a one-entry cache, so a compiled
 * filter run over many records with the same context computes its day boundaries once.
 */
export function memoByClock<T>(compute: (now: Date, timezone: string) => T): (ctx: FilterContext) => T {
  let lastNow = Number.NaN;
  let lastZone = '';
  let last: T | undefined;
  let filled = false;
  return (ctx) => {
    const now = ctx.now.getTime();
    if (!filled || now !== lastNow || ctx.timezone !== lastZone) {
      last = compute(ctx.now, ctx.timezone);
      lastNow = now;
      lastZone = ctx.timezone;
      filled = true;
    }
    return last as T;
  };
}
