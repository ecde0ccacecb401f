/** Path segments that are never allowed in a static `var` path (RELIABILITY A4, I4). */
export { FORBIDDEN_KEYS } from '@formflow/schema';

/**
 * json-logic-js path semantics: `undefined`, `''` and `null` mean the whole data; anything else is
 * `String(path).split('.')`. Returns null for the whole data.
 */
export function splitVarPath(path: unknown): string[] | null {
  if (path === undefined || path === '' || path === null) return null;
  return String(path).split('.');
}

/**
 * Reads one segment with own-property semantics: objects and arrays by `Object.hasOwn`, strings by index or `length`.
 * Inherited members (`constructor`, `__proto__`, `toString`, …) read as undefined, and so do functions.
 */
export function ownGet(data: unknown, key: string): unknown {
  if (typeof data === 'object') {
    if (data === null || !Object.hasOwn(data, key)) return undefined;
    const v = (data as Record<string, unknown>)[key];
    return typeof v === 'function' ? undefined : v;
  }
  if (typeof data === 'string') {
    // Own properties of a string: its indexes and `length`.
    return key === 'length' || (/^\d+$/.test(key) && Number(key) < data.length) ? data[key as 'length'] : undefined;
  }
  return undefined;
}

/** `var` of one own key, null when absent (the hot path of compiled rules: the own check runs only on a hit). */
export function readOwn(data: unknown, key: string): unknown {
  if (typeof data === 'object' && data !== null) {
    const v = (data as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || !Object.hasOwn(data, key)) return null;
    return v;
  }
  if (data === null || data === undefined) return null;
  const v = ownGet(data, key);
  return v === undefined ? null : v;
}

/** Resolves pre-split segments like json-logic-js `var`, but own properties only. */
export function resolveSegments(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let cur = data;
  for (let i = 0; i < segments.length; i++) {
    if (cur === null || cur === undefined) return notFound;
    cur = ownGet(cur, segments[i] as string);
    if (cur === undefined) return notFound;
  }
  return cur;
}

/** `var` with a path computed at run time. */
export function resolveVar(data: unknown, path: unknown, notFound: unknown): unknown {
  const segments = splitVarPath(path);
  if (segments === null) return data;
  return resolveSegments(data, segments, notFound);
}
