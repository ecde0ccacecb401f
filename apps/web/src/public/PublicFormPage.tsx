import { useQuery } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { FormRenderer } from '../runtime/FormRenderer.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { localized } from '../ui/localized.js';
import { Loading } from '../ui/Spinner.js';
import { publicApi } from './public-api.js';
import '../runtime/page.css';
import './public.css';

/**
 * `/f/:token`, the public form (外链): anyone with the link fills in the fields it exposes, without signing in; a
 * thank-you state shows the form's submit message. Kept small: it reaches only the runtime, never the designer,
 * grids or charts.
 */
export function PublicFormPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('runtime');
  const [thanks, setThanks] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const link = useQuery({
    queryKey: ['public-form', token],
    queryFn: () => publicApi.form(token),
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
    staleTime: 5 * 60_000,
  });

  if (link.isLoading) return <Loading />;
  if (link.error || !link.data) {
    const gone = link.error instanceof ApiError && link.error.status === 404;
    return (
      <main className="ff-pub">
        <div className="ff-card ff-rt-page__card ff-pub__card">
          {gone ? (
            <div className="ff-rt-done">
              <h1 className="ff-rt-page__title">{t('public.unavailableTitle')}</h1>
              <p className="ff-muted">{t('public.unavailableText')}</p>
            </div>
          ) : (
            <ErrorBanner error={link.error} />
          )}
        </div>
      </main>
    );
  }
  const form = link.data.form;
  const description = localized(form.description);
  return (
    <main className="ff-pub">
      <div className="ff-card ff-rt-page__card ff-pub__card">
        <header className="ff-rt-page__head">
          <h1 className="ff-rt-page__title">{localized(form.name)}</h1>
          {description ? <p className="ff-rt-page__desc">{description}</p> : null}
        </header>
        {thanks !== null ? (
          <div className="ff-rt-done" role="status">
            <div className="ff-rt-done__icon" aria-hidden="true">
              <Check size={22} aria-hidden />
            </div>
            <h2>{t('public.thanksTitle')}</h2>
            <p>{thanks}</p>
            <div className="ff-rt-done__actions">
              <button
                type="button"
                className="ff-btn"
                onClick={() => {
                  setThanks(null);
                  setRound((r) => r + 1);
                }}
              >
                {t('public.again')}
              </button>
            </div>
          </div>
        ) : (
          <FormRenderer
            key={round}
            form={form}
            mode="submit"
            publicToken={token}
            onSubmit={async (data) => {
              const answer = await publicApi.submit(token, data);
              setThanks(answer.message || localized(form.settings?.submitMessage) || t('public.thanksDefault'));
            }}
          />
        )}
      </div>
      <footer className="ff-pub__foot ff-muted">{t('public.poweredBy')}</footer>
    </main>
  );
}
