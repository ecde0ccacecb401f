import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../api/types.js';
import { Button } from '../ui/Button.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import type { dedupeCandidates } from './import-model.js';

export type ImportMode = NonNullable<ImportOptions['mode']>;

/** The import options (all-or-nothing or valid rows only, de-duplication) and the start button with upload progress. */
export function ImportOptionsSection({
  mode,
  onMode,
  candidates,
  dedupe,
  onDedupeField,
  onDuplicate,
  onOnDuplicate,
  startError,
  uploaded,
  starting,
  previewing,
  onStart,
}: {
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  candidates: ReturnType<typeof dedupeCandidates>;
  dedupe: string;
  onDedupeField: (fieldId: string) => void;
  onDuplicate: 'update' | 'skip';
  onOnDuplicate: (value: 'update' | 'skip') => void;
  startError: unknown;
  uploaded: number | null;
  starting: boolean;
  previewing: boolean;
  onStart: () => void;
}) {
  const { t } = useTranslation('importer');
  return (
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
              onChange={() => onMode(value)}
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
            <select className="ff-select" value={dedupe} onChange={(event) => onDedupeField(event.target.value)}>
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
                    onChange={() => onOnDuplicate(value)}
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
        <Button variant="primary" onClick={onStart} disabled={starting || previewing}>
          {starting ? t('starting') : t('start')}
        </Button>
      </div>
    </section>
  );
}
