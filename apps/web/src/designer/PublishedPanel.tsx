import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CircleCheck, PenLine, Share2, Table2, X } from 'lucide-react';
import { Button } from '../ui/Button.js';

/** After a publish: what to do next — fill the form in, see its data, or share a public link. */
export function PublishedPanel({
  appId,
  formId,
  version,
  onShare,
  onClose,
}: {
  appId: string;
  formId: string;
  version: number;
  onShare: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('designer');
  const { t: tc } = useTranslation();
  const base = `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(formId)}`;
  return (
    <section className="dz-published" role="status" aria-labelledby="dz-published-title">
      <CircleCheck size={22} className="dz-published__icon" aria-hidden="true" />
      <div className="dz-published__text">
        <strong id="dz-published-title">{t('publish.done', { version })}</strong>
        <span className="dz-muted">{t('publish.nextSteps')}</span>
      </div>
      <div className="dz-published__actions">
        <Link className="ff-btn ff-btn--primary ff-btn--small" to={`${base}/new`}>
          <PenLine size={14} aria-hidden="true" />
          {t('publish.fillIn')}
        </Link>
        <Link className="ff-btn ff-btn--small" to={base}>
          <Table2 size={14} aria-hidden="true" />
          {t('publish.viewData')}
        </Link>
        <Button small onClick={onShare}>
          <Share2 size={14} aria-hidden="true" />
          {t('publish.share')}
        </Button>
      </div>
      <button type="button" className="dz-mini dz-published__close" aria-label={tc('close')} onClick={onClose}>
        <X size={14} aria-hidden="true" />
      </button>
    </section>
  );
}
