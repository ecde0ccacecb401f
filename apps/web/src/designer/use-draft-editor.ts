import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { FormDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import { ApiError, NetworkError } from '../api/api-error.js';
import { currentLanguage } from '../i18n/current-language.js';
import { historyReducer, initialHistory, type HistoryAction } from './history.js';
import { checkForm, fromServerProblems, type DesignerProblem } from './check-form.js';

/** Autosave delay after the last edit. */
export const AUTOSAVE_MS = 800;
const RETRY_MS = 3000;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'offline';

export type DraftEditor = {
  form: FormDef;
  canUndo: boolean;
  canRedo: boolean;
  dispatch: (action: HistoryAction) => void;
  status: SaveStatus;
  problems: DesignerProblem[];
  /** Saves now; resolves true once the server holds the current form. */
  flush: () => Promise<boolean>;
  /** The form as the server last stored it (type changes of its fields go through the type-change route). */
  saved: () => FormDef;
  /** The server changed the draft (delete, restore, type change): take its definition. */
  acceptServer: (form: FormDef, mode: 'replace' | 'reset') => void;
};

/**
 * The designer's local FormDef with undo/redo, autosaved (debounced) to the draft. A draft with problems is not
 * sent: the problems are shown and every edit stays in the browser; server refusals (422) are shown the same way.
 */
export function useDraftEditor(formId: string, initial: FormDef): DraftEditor {
  const [state, dispatch] = useReducer(historyReducer, initial, initialHistory);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [problems, setProblems] = useState<DesignerProblem[]>([]);
  const saved = useRef<FormDef>(initial);
  const latest = useRef<FormDef>(state.form);
  latest.current = state.form;
  const inflight = useRef<Promise<boolean> | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const form = latest.current;
    if (form === saved.current) {
      setStatus('saved');
      setProblems([]);
      return true;
    }
    const local = checkForm(form, currentLanguage());
    if (local.length > 0) {
      setProblems(local);
      setStatus('invalid');
      return false;
    }
    setStatus('saving');
    try {
      await endpoints.forms.saveDraft(formId, form);
      saved.current = form;
      setProblems([]);
      setStatus(latest.current === form ? 'saved' : 'pending');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setProblems(fromServerProblems(form, error.errors));
        setStatus('invalid');
      } else if (error instanceof NetworkError) {
        setStatus('offline');
        clearTimeout(retry.current);
        retry.current = setTimeout(() => void saveRef.current(), RETRY_MS);
      } else {
        setProblems([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
        setStatus('error');
      }
      return false;
    }
  }, [formId]);

  /** One save at a time; a save asked for during another runs after it, on the newest form. */
  const save = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    const run = saveOnce().finally(() => {
      inflight.current = null;
    });
    inflight.current = run;
    const ok = await run;
    if (ok && latest.current !== saved.current) return save();
    return ok;
  }, [saveOnce]);
  saveRef.current = save;

  useEffect(() => {
    if (state.form === saved.current) return;
    setStatus((s) => (s === 'saving' ? s : 'pending'));
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [state.form, save]);

  // Leaving the designer with unsaved edits: save them now, and warn on a page unload.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(retry.current);
      if (latest.current !== saved.current) void save();
    };
  }, [save]);

  const acceptServer = useCallback((form: FormDef, mode: 'replace' | 'reset') => {
    saved.current = form;
    latest.current = form;
    dispatch(mode === 'reset' ? { type: 'reset', form } : { type: 'replace', form });
    setStatus('saved');
    setProblems([]);
  }, []);

  const getSaved = useCallback(() => saved.current, []);

  return {
    form: state.form,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    dispatch,
    status,
    problems,
    flush: save,
    saved: getSaved,
    acceptServer,
  };
}
