/*
 * Wall-clock readings in an IANA zone with Intl, for the zone-offset table of date-time buckets. Calendar arithmetic
 * (today, day starts, relative ranges) is the engine's own (`@formflow/engine`), so SQL and memory share one
 * definition of "today" and "this week".
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new RangeError(`invalid time zone in filter context: ${JSON.stringify(timezone)}`);
    }
    formatters.set(timezone, f);
  }
  return f;
}

/** The wall-clock time of instant `ms` in `timezone`, as ms since the epoch of that wall time read as UTC. */
export function wallClock(ms: number, timezone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timezone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal' && p.type !== 'era') parts[p.type] = Number(p.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1);
  wall.setUTCHours(parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0, new Date(ms).getUTCMilliseconds());
  return wall.getTime();
}
