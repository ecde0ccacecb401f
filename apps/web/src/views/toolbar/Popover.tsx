import { useId, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../../ui/use-dismiss.js';

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
  // Native <select> dropdowns and dialogs opened from the panel live outside it.
  useDismiss(open, ref, () => setOpen(false), { keepOpen: (target) => target.closest('dialog') !== null });
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
