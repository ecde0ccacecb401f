import { useTranslation } from 'react-i18next';
import type { ImportJobStatus } from '../api/types.js';
import { formatDuration, TERMINAL_STATUSES } from './import-model.js';

/** The running job's phase, rows done and time left, e.g. "Writing · 1,200 of 5,000 rows · about 1 min left". */
export function ProgressText({ status, language }: { status: ImportJobStatus; language: string }) {
  const { t } = useTranslation('importer');
  const number = new Intl.NumberFormat(language);
  if (TERMINAL_STATUSES.has(status.status)) return <span className="ff-import__progresstext" />;
  const parts: string[] = [];
  if (status.phase === 'queued') parts.push(t('progress.queued'));
  else parts.push(status.phase === 'writing' ? t('progress.writing') : t('progress.reading'));
  if (status.status === 'running')
    parts.push(
      status.totalRows !== null
        ? t('progress.rows', { done: number.format(status.rowsDone), total: number.format(status.totalRows) })
        : t('progress.rowsNoTotal', { done: number.format(status.rowsDone) }),
    );
  if (status.etaSeconds !== null) parts.push(t('progress.eta', { time: formatDuration(status.etaSeconds, language) }));
  return <span className="ff-import__progresstext ff-muted">{parts.join(' · ')}</span>;
}
