import { useEffect, useRef, type RefObject } from 'react';

/**
 * Closes a popup (menu, popover) while it is open: on a pointer press outside `root`, or on Escape. `keepOpen` lets a
 * press on something that belongs to the popup but lives elsewhere in the DOM (a dialog it opened) keep it open.
 */
export function useDismiss(
  open: boolean,
  root: RefObject<HTMLElement | null>,
  close: () => void,
  options: { keepOpen?: (target: Element) => boolean; onEscape?: () => void } = {},
): void {
  // The latest callbacks, without re-subscribing on every render.
  const latest = useRef({ close, options });
  latest.current = { close, options };
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (root.current?.contains(target)) return;
      if (target instanceof Element && latest.current.options.keepOpen?.(target)) return;
      latest.current.close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      latest.current.close();
      latest.current.options.onEscape?.();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, root]);
}
