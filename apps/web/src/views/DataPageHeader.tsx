import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Download, PencilRuler, Plus, Share2, Upload } from 'lucide-react';
import { endpoints } from '../api/endpoints.js';
import type { LiveForm } from '../api/types.js';
import { ExportMenu } from '../importer/ExportMenu.js';
import { Button } from '../ui/Button.js';
import { localized } from '../ui/localized.js';
import { MoreMenu, type MoreItem } from './MoreMenu.js';
import { useNarrow } from './use-narrow.js';

/** The form's name and its actions: new record, import, export, design, share (folded into "More" on phones). */
export function DataPageHeader({
  form,
  base,
  canSubmit,
  manage,
  exportQuery,
  onShare,
}: {
  form: LiveForm;
  /** The form's data page path, `/apps/:appId/forms/:formId`. */
  base: string;
  canSubmit: boolean;
  manage: boolean;
  exportQuery: string;
  onShare: () => void;
}) {
  const { t } = useTranslation('views');
  const narrow = useNarrow();

  // Phones (≤ 640 px): the primary action stays, the rest folds into "More".
  const moreItems: MoreItem[] = [
    ...(canSubmit
      ? [
          {
            kind: 'link' as const,
            key: 'import',
            label: t('import'),
            icon: <Upload size={16} aria-hidden />,
            to: `${base}/import`,
          },
        ]
      : []),
    ...(['csv', 'xlsx'] as const).map((format) => ({
      kind: 'download' as const,
      key: `export-${format}`,
      label: t(format === 'csv' ? 'exportCsv' : 'exportXlsx'),
      icon: <Download size={16} aria-hidden />,
      href: endpoints.exports.url(form.id, format, exportQuery),
    })),
    ...(manage
      ? [
          {
            kind: 'link' as const,
            key: 'design',
            label: t('design'),
            icon: <PencilRuler size={16} aria-hidden />,
            to: `${base}/design`,
          },
          {
            kind: 'action' as const,
            key: 'share',
            label: t('share'),
            icon: <Share2 size={16} aria-hidden />,
            onSelect: onShare,
          },
        ]
      : []),
  ];

  return (
    <header className="ffv-head">
      <h1 className="ffv-head__title">{localized(form.name)}</h1>
      <div className="ffv-head__actions">
        {canSubmit ? (
          <Link className="ff-btn ff-btn--primary ff-btn--small" to={`${base}/new`}>
            <Plus size={16} aria-hidden="true" />
            {t('newRecord')}
          </Link>
        ) : null}
        {narrow ? (
          <MoreMenu label={t('more')} items={moreItems} />
        ) : (
          <>
            {canSubmit ? (
              <Link className="ff-btn ff-btn--small" to={`${base}/import`}>
                <Upload size={16} aria-hidden="true" />
                {t('import')}
              </Link>
            ) : null}
            <ExportMenu formId={form.id} query={exportQuery} />
            {manage ? (
              <Link className="ff-btn ff-btn--small" to={`${base}/design`}>
                <PencilRuler size={16} aria-hidden="true" />
                {t('design')}
              </Link>
            ) : null}
            {manage ? (
              <Button small onClick={onShare}>
                <Share2 size={16} aria-hidden="true" />
                {t('share')}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </header>
  );
}
