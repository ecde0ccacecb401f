import { useEffect } from 'react';
import type { HistoryAction } from './history.js';

/** Undo (Ctrl/⌘+Z) and redo (Ctrl/⌘+Shift+Z, Ctrl/⌘+Y) from the keyboard, not while a dialog is open. */
export function useUndoShortcuts(dispatch: (action: HistoryAction) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if ((key === 'z' && event.shiftKey) || key === 'y') dispatch({ type: 'redo' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);
}
