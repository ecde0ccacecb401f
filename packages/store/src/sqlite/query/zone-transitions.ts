import { wallClock } from './zone-clock.js';

/** The range the offset table covers; instants outside it use the offset at the nearest end. */
export const TRANSITIONS_FROM = Date.UTC(1970, 0, 1);
export const TRANSITIONS_TO = Date.UTC(2100, 0, 1);
const STEP = 7 * 86_400_000;

const cache = new Map<string, string>();

/**
 * The UTC offsets of `timezone` as a JSON array `[[fromMs, offsetMs], …]` (first entry from -∞), found by sampling
 * weekly between 1970 and 2100 and bisecting each change to the millisecond with Intl. Two changes within one
 * week would be missed; no IANA zone has had that since 1970 except where it is a no-op change of name.
 */
export function zoneTransitionsJson(timezone: string): string {
  const hit = cache.get(timezone);
  if (hit !== undefined) return hit;
  const offset = (ms: number): number => wallClock(ms, timezone) - ms;
  const out: [number, number][] = [[-8.64e15, offset(TRANSITIONS_FROM)]];
  let prevMs = TRANSITIONS_FROM;
  let prev = offset(prevMs);
  for (let ms = TRANSITIONS_FROM + STEP; ms <= TRANSITIONS_TO; ms += STEP) {
    const o = offset(ms);
    if (o !== prev) {
      let lo = prevMs;
      let hi = ms;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offset(mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push([hi, o]);
      prev = o;
    }
    prevMs = ms;
  }
  const json = JSON.stringify(out);
  cache.set(timezone, json);
  return json;
}
