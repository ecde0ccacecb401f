import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints } from '../api/endpoints.js';
import type { ImportJobStatus } from '../api/types.js';
import { Button } from '../ui/Button.js';

/** The finished job's outcome: counts of imported/updated/skipped/failed rows, the error report and what next. */
export function ImportSummary({
  status,
  dataHref,
  onAgain,
}: {
  status: ImportJobStatus;
  dataHref: string;
  onAgain: () => void;
}) {
  const { t, i18n } = useTranslation('importer');
  const number = new Intl.NumberFormat(i18n.language);
  const title =
    status.status === 'succeeded'
      ? t('summary.succeeded')
      : status.status === 'cancelled'
        ? t('summary.cancelled')
        : t('summary.failed');
  const stats = [
    { key: 'imported', value: status.rowsImported, tone: 'good' },
    { key: 'updated', value: status.rowsUpdated, tone: 'info' },
    { key: 'skipped', value: status.rowsSkipped, tone: 'plain' },
    { key: 'failedRows', value: status.rowsFailed, tone: 'bad' },
  ] as const;
  const nothing = status.mode === 'allOrNothing' && status.status !== 'succeeded';
  return (
    <div className="ff-import__summary" role="status">
      <h3 className={`ff-import__summarytitle is-${status.status}`}>{title}</h3>
      {status.error ? <div className="ff-banner">{status.error.message}</div> : null}
      {nothing ? <p className="ff-muted">{t('summary.nothingImported')}</p> : null}
      <dl className="ff-import__stats">
        {stats.map((stat) => (
          <div key={stat.key} className={`ff-import__stat is-${stat.tone}`}>
            <dt>{t(`summary.${stat.key}`)}</dt>
            <dd>{number.format(stat.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="ff-import__actions">
        {status.rowsFailed > 0 ? (
          <a className="ff-btn" href={endpoints.imports.errorsUrl(status.id)} download>
            <Download size={14} aria-hidden /> {t('summary.downloadErrors')}
          </a>
        ) : null}
        <Button onClick={onAgain}>{t('summary.again')}</Button>
        <Link className="ff-btn ff-btn--primary" to={dataHref}>
          {t('summary.viewData')}
        </Link>
      </div>
    </div>
  );
}
