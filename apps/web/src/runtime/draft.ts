import type { RecordData } from '../api/types.js';

/** Unsent input of a form, kept in this browser so a lost connection or a closed tab loses nothing. */
export type Draft = { savedAt: string; values: RecordData };

const PREFIX = 'formflow.draft.';

export function readDraft(key: string): Draft | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    if (!text) return null;
    const draft = JSON.parse(text) as Draft;
    if (!draft || typeof draft !== 'object' || typeof draft.values !== 'object' || draft.values === null) return null;
    return draft;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: RecordData): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // storage full or disabled: the draft lives only in the page
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

/** Whether any value was typed (an empty form is not worth a draft). */
export function hasInput(values: RecordData): boolean {
  return Object.values(values).some(
    (v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
}

/** The delay before the n-th automatic retry (1-based): 2 s, 4 s, 8 s … at most 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt - 1));
}
