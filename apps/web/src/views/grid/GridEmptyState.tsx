import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Inbox, Plus, SearchX } from 'lucide-react';

/** No records: "no match" when filtered, else "no data yet" with the way to add the first record (if allowed). */
export function GridEmptyState({ filtered, newRecordHref }: { filtered: boolean; newRecordHref?: string | undefined }) {
  const { t } = useTranslation('views');
  return filtered ? (
    <div className="ffv-grid__empty" data-testid="grid-empty">
      <SearchX size={28} aria-hidden="true" />
      <p>{t('noRecords')}</p>
    </div>
  ) : (
    <div className="ffv-grid__empty" data-testid="grid-empty">
      <Inbox size={28} aria-hidden="true" />
      <p className="ffv-grid__empty-title">{t('noDataYet')}</p>
      {newRecordHref ? (
        <>
          <p>{t('noDataHint')}</p>
          <Link className="ff-btn ff-btn--primary" to={newRecordHref}>
            <Plus size={16} aria-hidden="true" />
            {t('addFirstRecord')}
          </Link>
        </>
      ) : null}
    </div>
  );
}
