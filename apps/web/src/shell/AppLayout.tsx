import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useMatch, useNavigate, useParams } from 'react-router';
import { ChevronLeft, FileText, Menu, Pencil, Plus, X } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { AppDetail } from '../api/types.js';
import { useApp } from '../queries/use-app.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { Loading } from '../ui/Spinner.js';
import { localized } from '../ui/localized.js';
import { TopBar } from './TopBar.js';
import { AppIcon } from './AppIcon.js';
import { CreateNameDialog } from './CreateNameDialog.js';
import { useIsAdmin } from './use-is-admin.js';
import { formHref, menuForms } from './app-forms.js';
import { newId } from './new-id.js';
import './shell.css';

/** `/apps/:appId/*`: header, the app's forms in a sidebar (a slide-in menu on a phone), the child route. */
export function AppLayout() {
  const { appId = '' } = useParams();
  const { t } = useTranslation('shell');
  const app = useApp(appId);
  const [menuOpen, setMenuOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  /** The designer takes the full width: the sidebar slides in from the menu button instead (like a phone). */
  const focus = useMatch('/apps/:appId/forms/:formId/design') !== null;

  const createForm = async (formName: string) => {
    const formId = newId('form');
    await endpoints.forms.create(appId, { id: formId, name: formName, fields: [] });
    await queryClient.invalidateQueries({ queryKey: keys.app(appId) });
    setCreating(false);
    setMenuOpen(false);
    await navigate(`/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(formId)}/design`);
  };
  const context: AppShellContext = { newForm: () => setCreating(true) };

  // Following a link of the menu closes it (the links' onClick: a pathname effect would also fire when a navigation
  // that began before the menu was opened, e.g. /apps/:appId to its first form, commits after it).
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const name = app.data ? localized(app.data.name) || app.data.id : '';
  return (
    <div className={'ff-page ff-applayout' + (focus ? ' ff-applayout--focus' : '')}>
      <TopBar
        leading={
          <button
            type="button"
            className="ff-hamburger"
            aria-label={focus ? t('app.showForms') : t('app.menu')}
            title={focus ? t('app.showForms') : undefined}
            aria-expanded={menuOpen}
            aria-controls="ff-app-sidebar"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Menu size={20} aria-hidden="true" />
          </button>
        }
        title={
          app.data ? (
            <span className="ff-topbar__app">
              <span className="ff-topbar__sep" aria-hidden="true">
                /
              </span>
              <AppIcon id={app.data.id} name={name} icon={app.data.icon} size={24} />
              <span className="ff-topbar__appname">{name}</span>
            </span>
          ) : null
        }
      />
      <div className="ff-applayout__body">
        {menuOpen ? <div className="ff-sidebar-backdrop" onClick={() => setMenuOpen(false)} /> : null}
        <aside id="ff-app-sidebar" className={`ff-sidebar${menuOpen ? ' ff-sidebar--open' : ''}`}>
          {app.data ? (
            <Sidebar app={app.data} onClose={() => setMenuOpen(false)} onNewForm={() => setCreating(true)} />
          ) : null}
          {app.isPending ? <Loading /> : null}
        </aside>
        <main className="ff-applayout__main">
          {app.error ? (
            <div style={{ padding: 24 }}>
              <ErrorBanner error={app.error} />
            </div>
          ) : (
            <Outlet context={context} />
          )}
        </main>
      </div>
      <CreateNameDialog
        open={creating}
        title={t('app.newFormTitle')}
        label={t('app.formName')}
        placeholder={t('app.formNamePlaceholder')}
        onClose={() => setCreating(false)}
        onCreate={createForm}
      />
    </div>
  );
}

/** What the app shell offers its child routes (`useOutletContext`). */
export type AppShellContext = { newForm: () => void };

function Sidebar({ app, onClose, onNewForm }: { app: AppDetail; onClose: () => void; onNewForm: () => void }) {
  const { t } = useTranslation('shell');
  const isAdmin = useIsAdmin();
  const forms = menuForms(app.forms, isAdmin);

  return (
    <>
      <div className="ff-sidebar__head">
        <Link to="/" className="ff-sidebar__back" onClick={onClose}>
          <ChevronLeft size={16} aria-hidden="true" /> {t('app.allApps')}
        </Link>
        <button type="button" className="ff-sidebar__close" aria-label={t('app.closeMenu')} onClick={onClose}>
          <X size={18} aria-hidden="true" />
        </button>
      </div>
      <nav aria-label={t('app.navigation')} className="ff-sidebar__nav">
        <div className="ff-sidebar__section">{t('app.forms')}</div>
        {forms.length === 0 ? <p className="ff-muted ff-sidebar__none">{t('app.noForms')}</p> : null}
        <ul className="ff-formlist">
          {forms.map((form) => {
            const label = localized(form.name) || form.id;
            const draft = form.publishedVersion === null;
            return (
              <li key={form.id} className="ff-formlist__item">
                <NavLink
                  to={formHref(app.id, form)}
                  end={!draft}
                  onClick={onClose}
                  className={({ isActive }) => `ff-formlist__link${isActive ? ' ff-formlist__link--active' : ''}`}
                >
                  <FileText size={16} className="ff-formlist__icon" aria-hidden="true" />
                  <span className="ff-formlist__name">{label}</span>
                  {draft ? <span className="ff-tag ff-tag--draft">{t('app.draft')}</span> : null}
                </NavLink>
                {isAdmin && !draft ? (
                  <Link
                    to={`${formHref(app.id, form)}/design`}
                    className="ff-formlist__design"
                    onClick={onClose}
                    aria-label={t('app.design', { name: label })}
                    title={t('app.design', { name: label })}
                  >
                    <Pencil size={15} aria-hidden="true" />
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      </nav>
      {isAdmin ? (
        <div className="ff-sidebar__foot">
          <button type="button" className="ff-btn ff-sidebar__new" onClick={onNewForm}>
            <Plus size={16} aria-hidden="true" /> {t('app.newForm')}
          </button>
        </div>
      ) : null}
    </>
  );
}
