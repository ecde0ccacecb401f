import type { RecordData } from '../api/types.js';

/** Unsent input of a form, kept in this browser so a lost connection or a closed tab loses nothing. */
export type Draft = { savedAt: string; values: RecordData };

const PREFIX = 'formflow.draft.';

/**
 * Where a draft lives. A signed-in member's drafts are keyed by member (`<memberId>.<formId>`) in localStorage, so they
 * survive a closed tab but are never offered to another member, and sign-out forgets them all (`forgetAllDrafts`).
 * A public link's draft (`public.<token>`) lives in sessionStorage: on a shared kiosk it ends with the tab.
 */
function storageFor(key: string): Storage {
  return key.startsWith('public.') ? sessionStorage : localStorage;
}

/** The draft key of a signed-in member's form, or of a public link. */
export function draftKeyFor(formId: string, memberId: string | undefined, publicToken?: string): string | undefined {
  if (publicToken) return `public.${publicToken}`;
  return memberId ? `${memberId}.${formId}` : undefined;
}

/** Forgets every draft kept in this browser (sign-out: the next person at this computer must not see them). */
export function forgetAllDrafts(): void {
  for (const storage of [localStorage, sessionStorage]) {
    try {
      for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
    } catch {
      // storage disabled: nothing was kept
    }
  }
}

export function readDraft(key: string): Draft | null {
  try {
    const text = storageFor(key).getItem(PREFIX + key);
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
    storageFor(key).setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // storage full or disabled: the draft lives only in the page
  }
}

export function clearDraft(key: string): void {
  try {
    storageFor(key).removeItem(PREFIX + key);
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
