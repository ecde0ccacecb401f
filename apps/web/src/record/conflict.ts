import type { RecordData } from '../api/types.js';

/** Values compared as JSON: `null`, absent and blank are "no value" alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map(normalize) : null;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const inner = normalize((value as Record<string, unknown>)[key]);
      if (inner !== null) out[key] = inner;
    }
    return Object.keys(out).length ? out : null;
  }
  return value;
}

/**
 * The patch an edit sends: only the fields the user may write whose value differs from the record read
 * (a cleared value is sent as `null`).
 */
export function changedFields(base: RecordData, edited: RecordData, writable?: readonly string[]): RecordData {
  const allowed = writable ? new Set(writable) : null;
  const patch: RecordData = {};
  for (const [fieldId, value] of Object.entries(edited)) {
    if (allowed && !allowed.has(fieldId)) continue;
    if (!sameValue(base[fieldId], value)) patch[fieldId] = value ?? null;
  }
  return patch;
}

export type FieldConflict = { fieldId: string; base: unknown; yours: unknown; theirs: unknown };

/**
 * The fields both sides changed to different values: I changed it from `base`, and the record now (`theirs`)
 * holds something else than both `base` and my value. Fields only I changed are not conflicts (my value wins);
 * fields only they changed are not in my patch (their value stays).
 */
export function findConflicts(base: RecordData, patch: RecordData, theirs: RecordData): FieldConflict[] {
  return Object.entries(patch)
    .filter(([fieldId, yours]) => !sameValue(theirs[fieldId], base[fieldId]) && !sameValue(theirs[fieldId], yours))
    .map(([fieldId, yours]) => ({ fieldId, base: base[fieldId], yours, theirs: theirs[fieldId] }));
}

export type ConflictChoice = 'yours' | 'theirs';

/**
 * The patch to send against the new version: my changes, except the conflicting fields where the user kept
 * theirs (left out, so the record keeps their value).
 */
export function resolvePatch(
  patch: RecordData,
  conflicts: readonly FieldConflict[],
  choices: Readonly<Record<string, ConflictChoice>>,
): RecordData {
  const out: RecordData = { ...patch };
  for (const conflict of conflicts)
    if ((choices[conflict.fieldId] ?? 'yours') === 'theirs') delete out[conflict.fieldId];
  return out;
}

/** The `current` record of a 412 VERSION_CONFLICT answer (docs/api/records.md), when present. */
export function conflictCurrent(body: Record<string, unknown>): { version: number; data: RecordData } | undefined {
  const current = body.current as { version?: unknown; data?: unknown } | undefined;
  if (!current || typeof current.version !== 'number' || typeof current.data !== 'object' || current.data === null)
    return undefined;
  return { version: current.version, data: current.data as RecordData };
}
