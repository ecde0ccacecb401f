import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The page title with the way back to the data, and the three steps (file → preview → run) with the current one. */
export function ImportHeader({ dataHref, formName, step }: { dataHref: string; formName: string; step: number }) {
  const { t } = useTranslation('importer');
  return (
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
  );
}
