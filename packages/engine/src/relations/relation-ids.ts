/** The record ids held by a relation value (a single id, or a list of ids), unique, in link order. */
export function relationIds(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  const ids = new Set<string>();
  for (const item of value) if (typeof item === 'string' && item !== '') ids.add(item);
  return [...ids];
}
