import type { FieldChange, JsonValue, RecordData } from './record-types.js';

function same(a: JsonValue, b: JsonValue): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Applies a patch (shallow; `null` removes a field) and lists the fields whose value changed, with before/after. */
export function applyPatch(
  data: RecordData,
  patch: RecordData,
): { next: RecordData; changes: Record<string, FieldChange> } {
  const next: RecordData = { ...data };
  const changes: Record<string, FieldChange> = {};
  for (const [fieldId, after] of Object.entries(patch)) {
    const before = Object.hasOwn(data, fieldId) ? (data[fieldId] ?? null) : null;
    if (after === null) delete next[fieldId];
    else next[fieldId] = after;
    if (!same(before, after)) changes[fieldId] = { before, after };
  }
  return { next, changes };
}

/** The changes of a new record: every field, from null. */
export function initialChanges(data: RecordData): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [fieldId, after] of Object.entries(data)) changes[fieldId] = { before: null, after };
  return changes;
}
