import { useEffect, useId, useRef, useState } from 'react';
import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints.js';
import './importer.css';

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

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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
