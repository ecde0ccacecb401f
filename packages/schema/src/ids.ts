/**
 * Stable identifiers of every entity (form, field, option, view, node, widget...).
 * They never change once created; labels do. Ids are ASCII so they are safe as JSON keys,
 * JsonLogic `var` paths (no dots) and SQL JSON paths.
 */
export type Id = string;

/** Letters, digits, `_` and `-`; starts with a letter; at most 64 characters. */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
export const ID_REGEXP = new RegExp(ID_PATTERN);

/**
 * Keys that can never be ids or data keys: `prototype` and every property of Object.prototype (`__proto__`,
 * `constructor`, `toString`, `valueOf`, `hasOwnProperty`, …). Reaching them pollutes prototypes; owning them breaks
 * JavaScript's own conversions (an object whose `toString` is not a function throws when a rule compares it).
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  'prototype',
  '__proto__',
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

export function isValidId(value: unknown): value is Id {
  return typeof value === 'string' && ID_REGEXP.test(value) && !FORBIDDEN_KEYS.has(value);
}
