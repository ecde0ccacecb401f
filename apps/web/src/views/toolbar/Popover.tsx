import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A toolbar button with a panel under it (filter, sort, group, columns). Esc or a click outside closes it. On a phone
 * the panel becomes a full-width sheet (views.css).
 */
export function Popover({
  label,
  badge,
  title,
  children,
  wide = false,
  testId,
}: {
  label: ReactNode;
  badge?: number;
  /** The panel's accessible name. */
  title: string;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (ref.current?.contains(target)) return;
      // Native <select> dropdowns and dialogs opened from the panel live outside it.
      if (target instanceof Element && target.closest('dialog')) return;
      setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="ffv-pop" ref={ref}>
      <button
        type="button"
        className={`ff-btn ff-btn--small ffv-pop__button${badge ? ' ffv-pop__button--on' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {badge ? <span className="ffv-pop__badge">{badge}</span> : null}
      </button>
      {open ? (
        <div
          id={id}
          role="dialog"
          aria-label={title}
          data-testid={testId}
          className={`ffv-pop__panel${wide ? ' ffv-pop__panel--wide' : ''}`}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
