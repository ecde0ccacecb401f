import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types.js';
import { delimiterKey, encodingName } from './import-model.js';

/** The file's facts as the server read them (format, encoding, delimiter) and any whole-file problems. */
export function PreviewFileFacts({ file, preview }: { file: File; preview: ImportPreview }) {
  const { t } = useTranslation('importer');
  const delimiter = delimiterKey(preview.delimiter);
  return (
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
  );
}
