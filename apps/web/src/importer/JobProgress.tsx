import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { Spinner } from '../ui/Spinner.js';
import { ImportSummary } from './ImportSummary.js';
import { ProgressText } from './ProgressText.js';
import { useImportJob } from './use-import-job.js';

/** Step 3: the running job's progress bar with a cancel button, then its summary. */
export function JobProgress({
  jobId,
  fileName,
  dataHref,
  onFinished,
  onAgain,
}: {
  jobId: string;
  fileName: string;
  dataHref: string;
  onFinished: () => void;
  onAgain: () => void;
}) {
  const { t, i18n } = useTranslation('importer');
  const { job, status, finished, cancel, cancelling, cancelError } = useImportJob(jobId, onFinished);

  const percent = status?.percent ?? 0;
  return (
    <section className="ff-card ff-import__section ff-import__job" aria-labelledby="ff-import-job">
      <h2 id="ff-import-job">{t('progress.title', { name: status?.fileName ?? fileName })}</h2>
      <div
        className={`ff-progress${status && finished ? ` ff-progress--${status.status}` : ''}`}
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div className="ff-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <div className="ff-import__progressline">
        <strong>{percent}%</strong>
        {status ? <ProgressText status={status} language={i18n.language} /> : <Spinner />}
        {!finished ? (
          <Button small onClick={() => void cancel()} disabled={cancelling || !status}>
            {cancelling ? t('progress.cancelling') : t('progress.cancel')}
          </Button>
        ) : null}
      </div>
      <ErrorBanner error={job.error ?? cancelError} />
      {status && finished ? <ImportSummary status={status} dataHref={dataHref} onAgain={onAgain} /> : null}
    </section>
  );
}
