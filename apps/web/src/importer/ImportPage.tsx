import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { ImportJobStatus, ImportOptions, ImportPreview } from '../api/types.js';
import { useLiveForm } from '../queries/use-live-form.js';
import { Button } from '../ui/Button.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { Spinner } from '../ui/Spinner.js';
import { localized } from '../ui/localized.js';
import {
  dedupeCandidates,
  delimiterKey,
  encodingName,
  formatDuration,
  initialMapping,
  mappingChanged,
  missingRequired,
  placeRowErrors,
  TERMINAL_STATUSES,
  type Mapping,
} from './import-model.js';
import './importer.css';

type Mode = NonNullable<ImportOptions['mode']>;

/**
 * `/apps/:appId/forms/:formId/import`: choose a CSV/XLSX file → preview (encoding, delimiter, column → field mapping,
 * the first rows checked, bad cells red) and options → a background job with a progress bar → the summary and the
 * error report (docs/api/import.md).
 */
export function ImportPage() {
  const { appId = '', formId = '' } = useParams();
  const { t } = useTranslation('importer');
  const form = useLiveForm(formId);
  const queryClient = useQueryClient();

  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [mapping, setMapping] = useState<Mapping>({});
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>('allOrNothing');
  const [dedupeField, setDedupeField] = useState('');
  const [onDuplicate, setOnDuplicate] = useState<'update' | 'skip'>('update');
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const request = useRef(0);

  const runPreview = async (chosen: File, wanted?: Mapping) => {
    const mine = ++request.current;
    setPreviewing(true);
    setPreviewError(null);
    try {
      // The server checks `options` strictly: `mode` is required whenever the part is sent.
      const options: ImportOptions = { mode: 'allOrNothing', ...(wanted ? { mapping: wanted } : {}) };
      const answer = await endpoints.imports.preview(formId, chosen, options);
      if (mine !== request.current) return;
      if (!wanted) {
        // Columns the server cannot import as proposed are skipped; their reason stays visible beside them.
        const reasons: Record<string, string> = {};
        for (const column of answer.columns) if (column.error) reasons[column.column] = column.error.message;
        setNotes(reasons);
        const proposed = initialMapping(answer);
        setMapping(proposed);
        setPreview(answer);
        if (mappingChanged(answer, proposed)) void runPreview(chosen, proposed);
        else setPreviewing(false);
        return;
      }
      setPreview(answer);
      setPreviewing(false);
    } catch (error) {
      if (mine !== request.current) return;
      setPreviewError(error);
      setPreviewing(false);
    }
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setPreview(null);
    setNotes({});
    setMapping({});
    setDedupeField('');
    setStartError(null);
    void runPreview(chosen);
  };

  const changeMapping = (column: string, fieldId: string | null) => {
    const next = { ...mapping, [column]: fieldId };
    setMapping(next);
    if (file) void runPreview(file, next);
  };

  const candidates = preview ? dedupeCandidates(preview, mapping) : [];
  const dedupe = candidates.some((field) => field.id === dedupeField) ? dedupeField : '';

  const start = async () => {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    setUploaded(0);
    try {
      const options: ImportOptions = {
        mode,
        mapping,
        ...(dedupe ? { dedupe: { field: dedupe, onDuplicate } } : {}),
      };
      const accepted = await endpoints.imports.start(formId, file, options, setUploaded);
      setJobId(accepted.jobId);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
      setUploaded(null);
    }
  };

  const reset = () => {
    request.current += 1;
    setFile(null);
    setPreview(null);
    setJobId(null);
    setPreviewError(null);
    setStartError(null);
    setPreviewing(false);
  };

  const formName = form.data ? localized(form.data.name) : '';
  const step = jobId ? 3 : preview ? 2 : 1;
  const dataHref = `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(formId)}`;

  return (
    <div className="ff-import">
      <div className="ff-import__head">
        <div>
          <Link to={dataHref} className="ff-import__back">
            <span aria-hidden="true">‹</span> {t('backToData')}
          </Link>
          <h1>
            {t('title')}
            {formName ? <span className="ff-import__form"> · {formName}</span> : null}
          </h1>
        </div>
        <ol className="ff-import__steps">
          {(['file', 'preview', 'run'] as const).map((key, index) => (
            <li
              key={key}
              className={index + 1 === step ? 'is-current' : index + 1 < step ? 'is-done' : undefined}
              aria-current={index + 1 === step ? 'step' : undefined}
            >
              <span className="ff-import__stepnum">{index + 1}</span>
              <span>{t(`steps.${key}`)}</span>
            </li>
          ))}
        </ol>
      </div>

      {jobId ? (
        <JobProgress
          jobId={jobId}
          fileName={file?.name ?? ''}
          dataHref={dataHref}
          onFinished={() => void queryClient.invalidateQueries({ queryKey: keys.records(formId) })}
          onAgain={reset}
        />
      ) : (
        <>
          <FileChooser file={file} busy={previewing && !preview} onChoose={choose} />
          <ErrorBanner error={previewError} />
          {preview && file ? (
            <>
              <PreviewPanel
                file={file}
                preview={preview}
                mapping={mapping}
                notes={notes}
                updating={previewing}
                onMap={changeMapping}
              />
              <section className="ff-card ff-import__section" aria-labelledby="ff-import-options">
                <h2 id="ff-import-options">{t('options.title')}</h2>
                <fieldset className="ff-import__fieldset">
                  <legend>{t('options.mode')}</legend>
                  {(['allOrNothing', 'validRowsOnly'] as const).map((value) => (
                    <label key={value} className="ff-import__radio">
                      <input
                        type="radio"
                        name="ff-import-mode"
                        value={value}
                        checked={mode === value}
                        onChange={() => setMode(value)}
                      />
                      <span>
                        <span className="ff-import__radiotitle">{t(`options.${value}`)}</span>
                        <span className="ff-muted">{t(`options.${value}Hint`)}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                {candidates.length > 0 ? (
                  <div className="ff-import__dedupe">
                    <label className="ff-import__label">
                      <span>{t('options.dedupe')}</span>
                      <select
                        className="ff-select"
                        value={dedupe}
                        onChange={(event) => setDedupeField(event.target.value)}
                      >
                        <option value="">{t('options.dedupeNone')}</option>
                        {candidates.map((field) => (
                          <option key={field.id} value={field.id}>
                            {t('options.dedupeField')}: {field.label}
                          </option>
                        ))}
                      </select>
                    </label>
                    {dedupe ? (
                      <fieldset className="ff-import__fieldset">
                        <legend>{t('options.onDuplicate')}</legend>
                        {(['update', 'skip'] as const).map((value) => (
                          <label key={value} className="ff-import__radio">
                            <input
                              type="radio"
                              name="ff-import-dup"
                              value={value}
                              checked={onDuplicate === value}
                              onChange={() => setOnDuplicate(value)}
                            />
                            <span className="ff-import__radiotitle">
                              {t(value === 'update' ? 'options.update' : 'options.skipRow')}
                            </span>
                          </label>
                        ))}
                      </fieldset>
                    ) : null}
                  </div>
                ) : null}
                <ErrorBanner error={startError} />
                <div className="ff-import__actions">
                  {uploaded !== null && uploaded < 1 ? (
                    <span className="ff-muted">{t('file.uploading', { percent: Math.round(uploaded * 100) })}</span>
                  ) : null}
                  <Button variant="primary" onClick={() => void start()} disabled={starting || previewing}>
                    {starting ? t('starting') : t('start')}
                  </Button>
                </div>
              </section>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

function FileChooser({
  file,
  busy,
  onChoose,
}: {
  file: File | null;
  busy: boolean;
  onChoose: (file: File | undefined) => void;
}) {
  const { t } = useTranslation('importer');
  const [over, setOver] = useState(false);
  const hintId = useId();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    onChoose(event.dataTransfer.files[0]);
  };
  return (
    <section className="ff-card ff-import__section">
      <label
        className={`ff-dropzone${over ? ' ff-dropzone--over' : ''}${file ? ' ff-dropzone--compact' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <input
          type="file"
          className="ff-visually-hidden"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('file.choose')}
          aria-describedby={file ? undefined : hintId}
          onChange={(event) => {
            onChoose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <span className="ff-dropzone__icon" aria-hidden="true">
          ⇪
        </span>
        {file ? (
          <span className="ff-dropzone__file">
            <strong>{busy ? t('file.reading', { name: file.name }) : file.name}</strong>
            <span className="ff-muted">{t('file.change')}</span>
          </span>
        ) : (
          <span className="ff-dropzone__text">
            <strong>{t('file.drop')}</strong>
            <span className="ff-muted" id={hintId}>
              {t('file.hint')}
            </span>
          </span>
        )}
        {busy ? <Spinner /> : null}
      </label>
    </section>
  );
}

function PreviewPanel({
  file,
  preview,
  mapping,
  notes,
  updating,
  onMap,
}: {
  file: File;
  preview: ImportPreview;
  mapping: Mapping;
  notes: Record<string, string>;
  updating: boolean;
  onMap: (column: string, fieldId: string | null) => void;
}) {
  const { t } = useTranslation('importer');
  const delimiter = delimiterKey(preview.delimiter);
  const missing = missingRequired(preview, mapping);
  const badRows = preview.rows.filter((row) => row.errors.length > 0).length;
  const errorOf = new Map(preview.columns.map((column) => [column.column, column.error?.message]));
  const fieldLabel = new Map(preview.fields.map((field) => [field.id, field.label]));

  return (
    <>
      <section className="ff-card ff-import__section" aria-labelledby="ff-import-file">
        <h2 id="ff-import-file" className="ff-visually-hidden">
          {t('preview.fileInfo')}
        </h2>
        <dl className="ff-import__facts">
          <div>
            <dt>{t('preview.fileInfo')}</dt>
            <dd className="ff-import__filename">{file.name}</dd>
          </div>
          <div>
            <dt>{t('preview.format')}</dt>
            <dd>{preview.format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV'}</dd>
          </div>
          {preview.format === 'csv' ? (
            <>
              <div>
                <dt>{t('preview.encoding')}</dt>
                <dd>{encodingName(preview.encoding)}</dd>
              </div>
              <div>
                <dt>{t('preview.delimiter')}</dt>
                <dd>{delimiter ? t(`preview.delimiters.${delimiter}`) : (preview.delimiter ?? '—')}</dd>
              </div>
            </>
          ) : null}
        </dl>
        {preview.problems.map((problem, index) => (
          <div key={index} className="ff-banner" role="alert">
            {problem.message}
          </div>
        ))}
      </section>

      <section className="ff-card ff-import__section" aria-labelledby="ff-import-mapping">
        <h2 id="ff-import-mapping">{t('preview.mapping')}</h2>
        <p className="ff-muted ff-import__hint">{t('preview.mappingHint')}</p>
        <div className="ff-mapping">
          {preview.headers.map((column) => {
            const current = mapping[column] ?? null;
            const problem = errorOf.get(column) ?? (current === null ? notes[column] : undefined);
            return (
              <div key={column} className={`ff-mapping__row${current === null ? ' ff-mapping__row--skipped' : ''}`}>
                <span className="ff-mapping__column" title={column}>
                  {column}
                </span>
                <span className="ff-mapping__arrow" aria-hidden="true">
                  →
                </span>
                <span className="ff-mapping__target">
                  <select
                    className="ff-select"
                    aria-label={t('preview.fieldFor', { column })}
                    value={current ?? ''}
                    aria-invalid={errorOf.get(column) ? true : undefined}
                    onChange={(event) => onMap(column, event.target.value || null)}
                  >
                    <option value="">{t('preview.skip')}</option>
                    {preview.fields.map((field) => (
                      <option key={field.id} value={field.id}>
                        {field.label}
                        {field.required ? ` (${t('preview.required')})` : ''}
                      </option>
                    ))}
                  </select>
                  {problem ? <span className="ff-error-text">{problem}</span> : null}
                </span>
              </div>
            );
          })}
        </div>
        {missing.length > 0 ? (
          <div className="ff-banner ff-import__missing">
            {t('preview.missingRequired', { fields: missing.map((field) => field.label).join(t('listSeparator')) })}
          </div>
        ) : null}
      </section>

      <section className="ff-card ff-import__section" aria-labelledby="ff-import-rows">
        <div className="ff-import__rowshead">
          <h2 id="ff-import-rows">{t('preview.rows')}</h2>
          {updating ? (
            <span className="ff-import__updating">
              <Spinner /> {t('preview.updating')}
            </span>
          ) : preview.rows.length ? (
            <span className={`ff-tag ${badRows ? 'ff-tag--bad' : 'ff-tag--good'}`}>
              {badRows ? t('preview.badRows', { count: badRows }) : t('preview.allGood')}
            </span>
          ) : null}
        </div>
        {preview.rows.length === 0 ? (
          <p className="ff-muted">{t('preview.noRows')}</p>
        ) : (
          <>
            <p className="ff-muted ff-import__hint">{t('preview.rowsHint', { count: preview.rows.length })}</p>
            <div className="ff-import__tablewrap" tabIndex={0} aria-labelledby="ff-import-rows">
              <table className="ff-import__table" aria-labelledby="ff-import-rows" aria-busy={updating}>
                <thead>
                  <tr>
                    <th scope="col">{t('preview.rowNumber')}</th>
                    {preview.headers.map((column) => {
                      const target = mapping[column];
                      return (
                        <th key={column} scope="col" className={target ? undefined : 'is-skipped'}>
                          <span className="ff-import__colname">{column}</span>
                          <span className="ff-import__colfield">
                            {target ? (fieldLabel.get(target) ?? target) : t('preview.skip')}
                          </span>
                        </th>
                      );
                    })}
                    <th scope="col">{t('preview.rowProblems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => {
                    const placed = placeRowErrors(row, preview.headers, mapping);
                    return (
                      <tr key={row.row} className={row.errors.length ? 'is-bad' : undefined}>
                        <th scope="row">{row.row}</th>
                        {preview.headers.map((column, index) => {
                          const errors = placed.byColumn.get(index);
                          const cell = row.cells[index] ?? '';
                          if (!errors)
                            return (
                              <td key={column} className={mapping[column] ? undefined : 'is-skipped'}>
                                {cell}
                              </td>
                            );
                          const message = errors.map((error) => error.message).join('\n');
                          return (
                            <td
                              key={column}
                              className="ff-import__bad"
                              tabIndex={0}
                              aria-invalid="true"
                              title={message}
                            >
                              {cell || '\u00a0'}
                              <span className="ff-import__tip" aria-hidden="true">
                                {message}
                              </span>
                            </td>
                          );
                        })}
                        <td className="ff-import__problems">
                          {placed.other.map((error, index) => (
                            <div key={index}>{error.message}</div>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function JobProgress({
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
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => endpoints.imports.status(jobId),
    refetchInterval: (query) => (TERMINAL_STATUSES.has(query.state.data?.status ?? '') ? false : 500),
    staleTime: 0,
  });
  const status = job.data;
  const finished = status ? TERMINAL_STATUSES.has(status.status) : false;
  const finishedRef = useRef(false);
  useEffect(() => {
    if (finished && !finishedRef.current) {
      finishedRef.current = true;
      onFinished();
    }
  }, [finished, onFinished]);

  const cancel = async () => {
    setCancelling(true);
    setCancelError(null);
    try {
      await endpoints.imports.cancel(jobId);
      await job.refetch();
    } catch (error) {
      setCancelError(error);
    } finally {
      setCancelling(false);
    }
  };

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
      {status && finished ? <Summary status={status} dataHref={dataHref} onAgain={onAgain} /> : null}
    </section>
  );
}

function ProgressText({ status, language }: { status: ImportJobStatus; language: string }) {
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

function Summary({ status, dataHref, onAgain }: { status: ImportJobStatus; dataHref: string; onAgain: () => void }) {
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
