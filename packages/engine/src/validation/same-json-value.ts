import type { JsonValue } from '@formflow/schema';

/**
 * Whether two JSON values are structurally equal (object key order ignored). Used on update to tell a computed value
 * that merely got a new identity (a sub-table re-built by its column formulas) from one that actually changed.
 */
export function sameJsonValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object')
    return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJsonValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameJsonValue(a[key], b[key])) return false;
  return true;
}
