/** `data[key]` by own-property lookup only, so `constructor` or `__proto__` never reach `Object.prototype`. */
export function ownValue(data: unknown, key: string): unknown {
  if (typeof data !== 'object' || data === null) return undefined;
  return Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}
