import type { ReactNode } from 'react';

/**
 * Keeps Esc inside a dialog opened over the drawer: the dialog closes, the drawer (which listens on window) stays.
 * React's synthetic stopPropagation stops the native event at the root, before it reaches window.
 */
export function EscapeScope({ children }: { children: ReactNode }) {
  return (
    <div
      style={{ display: 'contents' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation();
      }}
    >
      {children}
    </div>
  );
}
