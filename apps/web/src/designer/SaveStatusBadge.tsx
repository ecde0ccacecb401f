import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './use-draft-editor.js';

/** Saved / saving / unsaved problems / offline, always visible in the toolbar. */
export function SaveStatusBadge({
  status,
  problems,
  onRetry,
}: {
  status: SaveStatus;
  problems: number;
  onRetry: () => void;
}) {
  const { t } = useTranslation('designer');
  const text = status === 'invalid' ? t('status.invalid', { count: problems }) : t(`status.${status}`);
  return (
    <span
      className={`dz-status dz-status--${status}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
    >
      <span className="dz-status__dot" aria-hidden="true" />
      <span className="dz-status__text">{text}</span>
      {status === 'error' || status === 'offline' ? (
        <button type="button" className="dz-linkbtn" onClick={onRetry}>
          {t('status.retry')}
        </button>
      ) : null}
    </span>
  );
}
