import { useQueryClient } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { FormRecord } from '../api/types.js';
import { useMe } from '../app/use-me.js';
import { useLiveForm } from '../queries/use-live-form.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { localized } from '../ui/localized.js';
import { Loading } from '../ui/Spinner.js';
import { FormRenderer } from './FormRenderer.js';
import './page.css';

/** `/apps/:appId/forms/:formId/new`: fill in the live form; a success state offers another one or the data. */
export function SubmitPage() {
  const { appId = '', formId = '' } = useParams();
  const { t } = useTranslation('runtime');
  const form = useLiveForm(formId);
  const me = useMe();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<FormRecord | null>(null);
  const [round, setRound] = useState(0);
  const member = useMemo(() => (me.data ? { id: me.data.member.id } : undefined), [me.data]);
  const dataHref = `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(formId)}`;

  if (form.isLoading || me.isLoading) return <Loading />;
  if (form.error || !form.data)
    return (
      <div className="ff-rt-page">
        <ErrorBanner error={form.error} />
      </div>
    );
  const live = form.data;
  const description = localized(live.description);
  return (
    <div className="ff-rt-page">
      <div className="ff-card ff-rt-page__card">
        <header className="ff-rt-page__head">
          <h1 className="ff-rt-page__title">{localized(live.name)}</h1>
          {description ? <p className="ff-rt-page__desc">{description}</p> : null}
        </header>
        {saved ? (
          <div className="ff-rt-done" role="status">
            <div className="ff-rt-done__icon" aria-hidden="true">
              <Check size={22} aria-hidden />
            </div>
            <h2>{t('page.submittedTitle')}</h2>
            <p className="ff-muted">{t('page.submittedText')}</p>
            <div className="ff-rt-done__actions">
              <button
                type="button"
                className="ff-btn ff-btn--primary"
                onClick={() => {
                  setSaved(null);
                  setRound((r) => r + 1);
                }}
              >
                {t('page.fillAnother')}
              </button>
              <Link className="ff-btn" to={dataHref}>
                {t('page.viewData')}
              </Link>
            </div>
          </div>
        ) : !live.access.actions.includes('submit') ? (
          <div className="ff-banner">{t('page.noSubmit')}</div>
        ) : (
          <FormRenderer
            key={round}
            form={live}
            formId={formId}
            mode="submit"
            writable={live.access.writable}
            member={member}
            actions={
              <Link className="ff-btn" to={dataHref}>
                {t('page.back')}
              </Link>
            }
            onSubmit={async (data) => {
              const record = await endpoints.records.create(formId, data);
              await queryClient.invalidateQueries({ queryKey: keys.records(formId) });
              setSaved(record);
            }}
          />
        )}
      </div>
    </div>
  );
}
