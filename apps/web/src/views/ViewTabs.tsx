import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Plus } from 'lucide-react';
import type { ViewDef } from '@formflow/schema';
import { localized } from '../ui/localized.js';
import { ViewIcon } from './ViewIcon.js';

/** The tabs "All records" and the form's saved views (`?view=`), and the "New view" button. */
export function ViewTabs({
  base,
  views,
  view,
  viewMissing,
  onNewView,
}: {
  base: string;
  views: ViewDef[];
  view: ViewDef | undefined;
  viewMissing: boolean;
  onNewView: () => void;
}) {
  const { t } = useTranslation('views');
  return (
    <div className="ffv-tabbar">
      <nav className="ffv-tabs" role="tablist" aria-label={t('views')}>
        <Link
          role="tab"
          aria-selected={!view && !viewMissing}
          className={`ffv-tab${!view && !viewMissing ? ' ffv-tab--on' : ''}`}
          to={base}
        >
          <ViewIcon type="grid" />
          {t('allRecords')}
        </Link>
        {views.map((v) => (
          <Link
            key={v.id}
            role="tab"
            aria-selected={view?.id === v.id}
            className={`ffv-tab${view?.id === v.id ? ' ffv-tab--on' : ''}`}
            to={`${base}?view=${encodeURIComponent(v.id)}`}
          >
            <ViewIcon type={v.type} />
            {localized(v.name) || v.id}
          </Link>
        ))}
      </nav>
      <button type="button" className="ffv-tab ffv-tab--new" onClick={onNewView}>
        <Plus size={16} aria-hidden="true" />
        {t('newView')}
      </button>
    </div>
  );
}
