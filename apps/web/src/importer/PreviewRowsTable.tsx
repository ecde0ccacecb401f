import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types.js';
import { Spinner } from '../ui/Spinner.js';
import { placeRowErrors, type Mapping } from './import-model.js';

/** The first rows of the file as they would be imported, bad cells marked red with their messages. */
export function PreviewRowsTable({
  preview,
  mapping,
  updating,
}: {
  preview: ImportPreview;
  mapping: Mapping;
  updating: boolean;
}) {
  const { t } = useTranslation('importer');
  const badRows = preview.rows.filter((row) => row.errors.length > 0).length;
  const fieldLabel = new Map(preview.fields.map((field) => [field.id, field.label]));
  return (
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
                          <td key={column} className="ff-import__bad" tabIndex={0} aria-invalid="true" title={message}>
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
  );
}
