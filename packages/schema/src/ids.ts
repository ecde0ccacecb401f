/**
 * Stable identifiers of every entity (form, field, option, view, node, widget...).
 * They never change once created; labels do. Ids are ASCII so they are safe as JSON keys,
 * JsonLogic `var` paths (no dots) and SQL JSON paths.
 */
export type Id = string;

/** Letters, digits, `_` and `-`; starts with a letter; at most 64 characters. */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
export const ID_REGEXP = new RegExp(ID_PATTERN);

/** Keys that can never be ids or data keys: they reach Object.prototype in JavaScript. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isValidId(value: unknown): value is Id {
  return typeof value === 'string' && ID_REGEXP.test(value) && !FORBIDDEN_KEYS.has(value);
}
