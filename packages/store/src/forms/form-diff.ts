import type { FieldDef, FormDef } from '@formflow/schema';
import type { DraftDiff } from './form-types.js';

/** JSON text with object keys sorted, so two definitions compare by meaning, not key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function byId(form: FormDef | undefined): Map<string, FieldDef> {
  return new Map((form?.fields ?? []).map((field) => [field.id, field]));
}

/** Field ids added, dropped, changed, newly deleted and restored between the published form and the draft. */
export function diffFields(published: FormDef | undefined, draft: FormDef): DraftDiff {
  const before = byId(published);
  const after = byId(draft);
  const diff: DraftDiff = { added: [], removed: [], changed: [], deleted: [], restored: [] };
  for (const [id, field] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push(id);
      continue;
    }
    if (canonicalJson(old) !== canonicalJson(field)) diff.changed.push(id);
    if (field.deleted === true && old.deleted !== true) diff.deleted.push(id);
    if (field.deleted !== true && old.deleted === true) diff.restored.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) diff.removed.push(id);
  return diff;
}
