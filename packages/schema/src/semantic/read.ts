/** Defensive readers: semantic checks run on values that may be structurally broken. */
export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Own keys of an object map (never inherited ones). */
export function ownEntries(value: unknown): [string, unknown][] {
  return isObj(value) ? Object.entries(value) : [];
}
