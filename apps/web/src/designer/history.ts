import type { FormDef } from '@formflow/schema';

/** Undo depth kept. */
export const HISTORY_LIMIT = 200;
/** Edits of the same thing (one label while typing) within this many ms are one undo step. */
export const COALESCE_MS = 1000;

export type HistoryState = {
  form: FormDef;
  past: FormDef[];
  future: FormDef[];
  /** What the last change edited and when, to merge keystrokes into one undo step. */
  lastKey?: string;
  lastAt: number;
};

export type HistoryAction =
  | { type: 'change'; update: (form: FormDef) => FormDef; key?: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Replaces the form without an undo step and forgets history (a server-side change such as a type change). */
  | { type: 'reset'; form: FormDef }
  /** Replaces the form as one undo step (a server answer to a delete or restore). */
  | { type: 'replace'; form: FormDef };

export function initialHistory(form: FormDef): HistoryState {
  return { form, past: [], future: [], lastAt: 0 };
}

/** Undo/redo over whole FormDef snapshots (fields untouched by a change keep their identity, so memo works). */
export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'change': {
      const form = action.update(state.form);
      if (form === state.form) return state;
      const merge = action.key !== undefined && action.key === state.lastKey && action.at - state.lastAt < COALESCE_MS;
      const past = merge ? state.past : [...state.past, state.form].slice(-HISTORY_LIMIT);
      return { form, past, future: [], lastKey: action.key, lastAt: action.at };
    }
    case 'replace':
      return { form: action.form, past: [...state.past, state.form].slice(-HISTORY_LIMIT), future: [], lastAt: 0 };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return { form: previous, past: state.past.slice(0, -1), future: [state.form, ...state.future], lastAt: 0 };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return { form: next, past: [...state.past, state.form], future: state.future.slice(1), lastAt: 0 };
    }
    case 'reset':
      return initialHistory(action.form);
  }
}
