/** The zone used when a request names none: most of our users are in China. Override with FORMFLOW_TIMEZONE. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const canonical = new Map<string, string | null>();

/**
 * The canonical IANA name of a zone (`asia/shanghai` → `Asia/Shanghai`, `UTC` → `UTC`), or null when it is not a
 * zone this runtime knows. Canonicalising at the edge keeps one compiled-logic cache entry per real zone (review #11).
 */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.length === 0 || zone.length > 64) return null;
  const hit = canonical.get(zone);
  if (hit !== undefined) return hit;
  let name: string | null;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    name = null;
  }
  if (canonical.size < 1000) canonical.set(zone, name);
  return name;
}
