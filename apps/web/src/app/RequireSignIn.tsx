import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from './use-me.js';
import { Loading } from '../ui/Spinner.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { ApiError } from '../api/api-error.js';

/** Signed-in screens: sends visitors without a session to /login (and back here after signing in). */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (me.error) return <ErrorBanner error={me.error} />;
  return <Outlet />;
}
