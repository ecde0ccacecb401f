import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Ellipsis } from 'lucide-react';
import { useDismiss } from '../ui/use-dismiss.js';

/** One entry of the "More" menu: a link inside the app, a download, or an action. */
export type MoreItem =
  | { kind: 'link'; key: string; label: string; icon: ReactNode; to: string }
  | { kind: 'download'; key: string; label: string; icon: ReactNode; href: string }
  | { kind: 'action'; key: string; label: string; icon: ReactNode; onSelect: () => void };

/**
 * A "More" button with a menu of secondary actions (the data page on phones). Esc or a click outside closes it; arrow
 * keys move between the items.
 */
export function MoreMenu({ label, items }: { label: string; items: MoreItem[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useDismiss(open, root, () => setOpen(false), { onEscape: () => button.current?.focus() });
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
    entries[next]?.focus();
  };

  const close = () => setOpen(false);
  return (
    <div className="ffv-more" ref={root}>
      <button
        ref={button}
        type="button"
        className="ff-btn ff-btn--small ffv-more__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <Ellipsis size={16} aria-hidden="true" />
        {label}
      </button>
      {open ? (
        <div className="ffv-more__menu" role="menu" id={menuId} aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) =>
            item.kind === 'link' ? (
              <Link key={item.key} role="menuitem" className="ffv-more__item" to={item.to} onClick={close}>
                {item.icon}
                {item.label}
              </Link>
            ) : item.kind === 'download' ? (
              <a key={item.key} role="menuitem" className="ffv-more__item" href={item.href} download onClick={close}>
                {item.icon}
                {item.label}
              </a>
            ) : (
              <button
                key={item.key}
                type="button"
                role="menuitem"
                className="ffv-more__item"
                onClick={() => {
                  close();
                  item.onSelect();
                }}
              >
                {item.icon}
                {item.label}
              </button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
