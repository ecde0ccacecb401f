import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog.js';
import { Button } from '../ui/Button.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';

/** A small "create …" dialog: one required name (and optional extra fields), submit → `onCreate(name)`. */
export function CreateNameDialog({
  open,
  title,
  label,
  placeholder,
  onClose,
  onCreate,
  children,
}: {
  open: boolean;
  title: string;
  label: string;
  placeholder?: string;
  onClose: () => void;
  /** Rejects with the server's refusal, shown in the dialog (the name stays). */
  onCreate: (name: string) => Promise<void>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (busy) return;
    setName('');
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate(name.trim());
      setName('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const formId = `create-${title.length}-form`;
  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy || !name.trim()}>
            {t('create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="ff-create-form" onSubmit={(event) => void submit(event)}>
        <label className="ff-field-label">
          <span>{label}</span>
          <input
            className="ff-input"
            value={name}
            required
            maxLength={100}
            autoFocus
            placeholder={placeholder}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {children}
        <ErrorBanner error={error} />
      </form>
    </Dialog>
  );
}
