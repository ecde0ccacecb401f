import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LayoutGrid, Plus } from 'lucide-react';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { AppSummary } from '../api/types.js';
import { Button } from '../ui/Button.js';
import { Loading } from '../ui/Spinner.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { localized } from '../ui/localized.js';
import { TopBar } from './TopBar.js';
import { CreateNameDialog } from './CreateNameDialog.js';
import { AppIcon } from './AppIcon.js';
import { useWorkspace } from './use-workspace.js';
import { useIsAdmin } from './use-is-admin.js';
import { newId } from './new-id.js';
import './shell.css';

/** `/`: the workspace and its apps as cards; owners/admins create apps here. */
export function HomePage() {
  const { t } = useTranslation('shell');
  const workspace = useWorkspace();
  const apps = useQuery({ queryKey: keys.apps, queryFn: endpoints.apps.list });
  const isAdmin = useIsAdmin();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const create = async (name: string) => {
    const app = await endpoints.apps.create({ id: newId('app'), name });
    await queryClient.invalidateQueries({ queryKey: keys.apps });
    setCreating(false);
    await navigate(`/apps/${encodeURIComponent(app.id)}`);
  };

  const list = apps.data?.apps ?? [];
  return (
    <div className="ff-page">
      <TopBar />
      <main className="ff-home">
        <div className="ff-home__head">
          <div>
            <h1 className="ff-home__workspace">{workspace.data?.name ?? '\u00a0'}</h1>
            <div className="ff-muted">{t('home.apps')}</div>
          </div>
          {isAdmin ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus size={16} aria-hidden="true" /> {t('home.createApp')}
            </Button>
          ) : null}
        </div>
        {apps.isPending ? <Loading /> : null}
        <ErrorBanner error={apps.error ?? workspace.error} />
        {apps.isSuccess && list.length === 0 ? (
          <section className="ff-empty ff-card">
            <div className="ff-empty__art" aria-hidden="true">
              <LayoutGrid size={30} strokeWidth={1.75} />
            </div>
            <h2>{isAdmin ? t('home.emptyTitle') : t('home.emptyMemberTitle')}</h2>
            <p className="ff-muted">{isAdmin ? t('home.emptyBody') : t('home.emptyMemberBody')}</p>
            {isAdmin ? (
              <Button variant="primary" onClick={() => setCreating(true)}>
                {t('home.createApp')}
              </Button>
            ) : null}
          </section>
        ) : null}
        {list.length > 0 ? (
          <ul className="ff-apps" aria-label={t('home.apps')}>
            {list.map((app) => (
              <AppCard key={app.id} app={app} />
            ))}
          </ul>
        ) : null}
      </main>
      <CreateNameDialog
        open={creating}
        title={t('home.createAppTitle')}
        label={t('home.appName')}
        placeholder={t('home.appNamePlaceholder')}
        onClose={() => setCreating(false)}
        onCreate={create}
      />
    </div>
  );
}

function AppCard({ app }: { app: AppSummary }) {
  const name = localized(app.name) || app.id;
  const description = localized(app.description);
  return (
    <li>
      <Link to={`/apps/${encodeURIComponent(app.id)}`} className="ff-appcard ff-card">
        <AppIcon id={app.id} name={name} icon={app.icon} />
        <div className="ff-appcard__text">
          <div className="ff-appcard__name">{name}</div>
          {description ? <div className="ff-appcard__desc ff-muted">{description}</div> : null}
        </div>
      </Link>
    </li>
  );
}
