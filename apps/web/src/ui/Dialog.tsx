import { useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';

/** A modal on the native <dialog> (focus trap and Esc for free). Rendered only while `open`. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="ff-dialog"
      aria-labelledby={titleId}
      style={wide ? { maxWidth: 'min(1000px, calc(100vw - 32px))' } : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="ff-dialog__head">
        <h3 id={titleId}>{title}</h3>
        <Button variant="ghost" small onClick={onClose} aria-label={t('close')}>
          <X size={16} aria-hidden />
        </Button>
      </div>
      <div className="ff-dialog__body">{children}</div>
      {footer ? <div className="ff-dialog__foot">{footer}</div> : null}
    </dialog>
  );
}
