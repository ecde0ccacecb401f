import { normalizeText } from '../text/normalize-text.js';

/**
 * A JSON value with every string (values, not keys) in NFC (RELIABILITY K1: the one change made on write).
 * Copy on write: the value itself comes back when nothing changes; changed arrays and objects are copies, so the
 * caller's value is never modified. Callers have checked depth first (checkValueShape), so recursion is bounded.
 */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = normalizeStrings(value[i]);
      if (v !== value[i]) (out ??= [...value])[i] = v;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    const before = (value as Record<string, unknown>)[key];
    const v = normalizeStrings(before);
    if (v !== before) (out ??= { ...value })[key] = v;
  }
  return out ?? value;
}
