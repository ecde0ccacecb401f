import { Outlet } from 'react-router';

/** Placeholder until the app shell lands. */
export function AppLayout() {
  return <Outlet />;
}
