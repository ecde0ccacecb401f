import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { ApiError } from '../api/api-error.js';
import { errorMessage } from '../ui/ErrorBanner.js';
import { Button } from '../ui/Button.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Logo } from './TopBar.js';
import { safeNext } from './safe-next.js';
import './shell.css';

/** `/login`: email + password. A refusal shows beside the form in the UI language; the typed email stays. */
export function LoginPage() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { member } = await endpoints.auth.login(email.trim(), password);
      queryClient.setQueryData(keys.me, { member, via: 'session' });
      void queryClient.invalidateQueries({ queryKey: keys.me });
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (caught) {
      setError(caught);
      setPassword('');
      setBusy(false);
    }
  };

  let message: string | null = null;
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') message = t('login.invalidCredentials');
  else if (error instanceof ApiError && (error.status === 429 || error.code === 'RATE_LIMITED'))
    message = t('login.rateLimited');
  else if (error) message = errorMessage(error, tc as never);

  return (
    <div className="ff-login">
      <div className="ff-login__lang">
        <LanguageSwitch />
      </div>
      <main className="ff-login__card ff-card">
        <div className="ff-login__brand">
          <Logo size={36} />
          <div>
            <div className="ff-login__product">{tc('appName')}</div>
            <div className="ff-muted">{t('login.tagline')}</div>
          </div>
        </div>
        <h1 className="ff-login__title">{t('login.title')}</h1>
        <p className="ff-login__subtitle ff-muted">{t('login.subtitle')}</p>
        <form onSubmit={(event) => void submit(event)} noValidate={false}>
          <label className="ff-login__field">
            <span>{t('login.email')}</span>
            <input
              className="ff-input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              required
              autoFocus
              value={email}
              aria-invalid={message ? true : undefined}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label className="ff-login__field">
            <span>{t('login.password')}</span>
            <input
              className="ff-input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={message ? true : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          {message ? (
            <div className="ff-banner ff-login__error" role="alert">
              {message}
            </div>
          ) : null}
          <Button type="submit" variant="primary" className="ff-login__submit" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}
