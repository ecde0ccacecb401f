import { useEffect, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';

/** A panel sliding in from the right (record detail); Esc or the backdrop closes it. */
export function Drawer({
  title,
  onClose,
  children,
  actions,
  label,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  /** Accessible name (defaults to the title when it is text). */
  label?: string;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <>
      <div className="ff-drawer-backdrop" onClick={onClose} />
      <aside className="ff-drawer" role="dialog" aria-label={label ?? (typeof title === 'string' ? title : undefined)}>
        <div className="ff-drawer__head">
          <h3>{title}</h3>
          <div style={{ display: 'flex', gap: 8 }}>
            {actions}
            <Button variant="ghost" small onClick={onClose} aria-label={t('close')}>
              <X size={16} aria-hidden />
            </Button>
          </div>
        </div>
        <div className="ff-drawer__body">{children}</div>
      </aside>
    </>
  );
}
