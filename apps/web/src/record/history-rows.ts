import type { FieldDef } from '@formflow/schema';
import type { HistoryEntry } from '../api/types.js';

export type HistoryChangeRow = {
  fieldId: string;
  /** The field's definition when the form still has it (readable); else the id is shown. */
  field: FieldDef | undefined;
  before: unknown;
  after: unknown;
  /** The version whose value "Restore this earlier value" brings back (the version before this entry), or null. */
  restoreFrom: number | null;
};

export type HistoryRow = {
  version: number;
  action: HistoryEntry['action'];
  actor: string | null;
  at: string;
  changes: HistoryChangeRow[];
};

/** Actions after which a changed field holds a value an earlier version did not. */
const RESTORABLE: ReadonlySet<HistoryEntry['action']> = new Set(['update', 'type_change', 'restore']);

/**
 * The timeline: entries newest first, each change with its field (in form order, unknown fields last) and, for an
 * update at version v, the version v-1 whose value can be restored.
 */
export function historyRows(entries: readonly HistoryEntry[], fields: readonly FieldDef[]): HistoryRow[] {
  const byId = new Map(fields.map((f, index) => [f.id, { f, index }]));
  const order = (id: string) => byId.get(id)?.index ?? Number.MAX_SAFE_INTEGER;
  return [...entries]
    .sort((a, b) => b.version - a.version)
    .map((entry) => ({
      version: entry.version,
      action: entry.action,
      actor: entry.actor,
      at: entry.at,
      changes: Object.entries(entry.changes)
        .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
        .map(([fieldId, change]) => ({
          fieldId,
          field: byId.get(fieldId)?.f,
          before: change.before,
          after: change.after,
          restoreFrom: RESTORABLE.has(entry.action) && entry.version > 1 ? entry.version - 1 : null,
        })),
    }));
}
