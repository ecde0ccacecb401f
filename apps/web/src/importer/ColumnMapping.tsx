import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types.js';
import { missingRequired, type Mapping } from './import-model.js';

/** The column → field mapping: one select per file column, its problem beside it, and missing required fields. */
export function ColumnMapping({
  preview,
  mapping,
  notes,
  onMap,
}: {
  preview: ImportPreview;
  mapping: Mapping;
  notes: Record<string, string>;
  onMap: (column: string, fieldId: string | null) => void;
}) {
  const { t } = useTranslation('importer');
  const missing = missingRequired(preview, mapping);
  const errorOf = new Map(preview.columns.map((column) => [column.column, column.error?.message]));
  return (
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
  );
}
