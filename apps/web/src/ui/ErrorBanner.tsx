import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/api-error.js';

/** What went wrong, in the user's language: the server's localised message, or a network / permission notice. */
export function errorMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof NetworkError) return t('networkError');
  if (error instanceof ApiError) {
    if (error.status === 403 && !error.errors.length) return error.message || t('forbidden');
    if (error.status === 404) return error.message || t('notFound');
    return error.errors[0]?.message ?? error.message;
  }
  return t('unexpectedError', { message: error instanceof Error ? error.message : String(error) });
}

export function ErrorBanner({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="ff-banner" role="alert">
      {errorMessage(error, t as never)}
    </div>
  );
}
