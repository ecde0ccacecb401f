import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner.js';

/** Step 1: the drop zone / file input for the CSV or XLSX file. */
export function FileChooser({
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
