import { useSyncExternalStore } from 'react';

/** Phones: the data page folds its secondary actions into a "More" menu at this width and below. */
export const NARROW_QUERY = '(max-width: 640px)';

function subscribe(onChange: () => void) {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Whether the window is phone-narrow (≤ 640 px); follows resizes and rotation. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
