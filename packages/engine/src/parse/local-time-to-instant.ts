import { tzOffset } from '@date-fns/tz';
import { parseFailure, type ParseOutcome } from './parse-outcome.js';

/**
 * The instant (epoch ms) at which clocks in `timeZone` show the wall-clock time `wallMs` (from `wallClockMs`).
 * RELIABILITY L1, documented choices:
 * - a time skipped by a DST jump (`2027-03-14T02:30` in America/New_York) → `NONEXISTENT_LOCAL_TIME`, not shifted;
 * - a time that occurs twice (`2027-11-07T01:30` in America/New_York) → the earlier instant (the daylight one);
 *   give an explicit offset to pick the other.
 */
export function localTimeToInstant(wallMs: number, timeZone: string): ParseOutcome<number> {
  const offsets = new Set([-1, 1].map((days) => tzOffset(timeZone, new Date(wallMs + days * 86400000))));
  if ([...offsets].some((o) => Number.isNaN(o))) {
    return parseFailure('INVALID_TIMEZONE', `"${timeZone}" is not a known time zone`);
  }
  const candidates = [...offsets]
    .map((offset) => wallMs - offset * 60000)
    .filter((instant) => tzOffset(timeZone, new Date(instant)) * 60000 === wallMs - instant)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) {
    return parseFailure('NONEXISTENT_LOCAL_TIME', `this local time does not exist in ${timeZone} (clocks skip it)`);
  }
  return { ok: true, value: first };
}
