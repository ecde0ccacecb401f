import { Navigate, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FileText, Plus } from 'lucide-react';
import { useApp } from '../queries/use-app.js';
import { Loading } from '../ui/Spinner.js';
import { useIsAdmin } from './use-is-admin.js';
import { formHref, menuForms } from './app-forms.js';
import type { AppShellContext } from './AppLayout.js';
import { Button } from '../ui/Button.js';
import './shell.css';

/** `/apps/:appId`: opens the first form (a published one first); an app without forms invites to create one. */
export function AppIndexPage() {
  const { appId = '' } = useParams();
  const { t } = useTranslation('shell');
  const app = useApp(appId);
  const isAdmin = useIsAdmin();
  const shell = useOutletContext<AppShellContext | undefined>();
  if (app.isPending) return <Loading />;
  if (!app.data) return null; // the layout shows the error
  const forms = menuForms(app.data.forms, isAdmin);
  const first = forms.find((form) => form.publishedVersion !== null) ?? forms[0];
  if (first) return <Navigate to={formHref(app.data.id, first)} replace />;
  return (
    <section className="ff-empty ff-card ff-empty--inapp">
      <div className="ff-empty__art" aria-hidden="true">
        <FileText size={30} strokeWidth={1.75} />
      </div>
      <h2>{t('app.emptyTitle')}</h2>
      <p className="ff-muted">{isAdmin ? t('app.emptyAdminBody') : t('app.emptyMemberBody')}</p>
      {isAdmin && shell ? (
        <Button variant="primary" onClick={shell.newForm}>
          <Plus size={16} aria-hidden="true" /> {t('app.newForm')}
        </Button>
      ) : null}
    </section>
  );
}
