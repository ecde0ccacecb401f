import { useId, useRef, useState } from 'react';
import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints.js';
import './importer.css';
import { useDismiss } from '../ui/use-dismiss.js';

/** CONTRACT (the import/export area replaces this placeholder, keeping the props): download CSV / XLSX. */
export type ExportMenuProps = {
  formId: string;
  /**
   * The toolbar's current filter/sort, exported as shown: the export route's query parameters without `format`,
   * already encoded — `filter=<URL-encoded filter AST JSON>&sort=field:asc,field2:desc` (docs/api/export.md).
   */
  query?: string;
};

/**
 * "Export" with a small menu: CSV and Excel downloads (plain links with `download`: the browser streams the file with
 * the session cookie; the server names it `<form>-<date>.csv|xlsx`).
 */
export function ExportMenu({ formId, query }: ExportMenuProps) {
  const { t } = useTranslation('importer');
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useDismiss(open, root, () => setOpen(false));

  return (
    <div className="ff-exportmenu" ref={root}>
      <button
        type="button"
        className="ff-btn ff-btn--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <Download size={14} aria-hidden /> {t('export.button')}
      </button>
      {open ? (
        <div className="ff-exportmenu__menu" role="menu" id={menuId} aria-label={t('export.menu')}>
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              role="menuitem"
              className="ff-exportmenu__item"
              href={endpoints.exports.url(formId, format, query)}
              download
              onClick={() => setOpen(false)}
            >
              {t(`export.${format}`)}
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}
