import { useMe } from '../app/use-me.js';

/** Owners and admins manage apps and forms (create, design). */
export function useIsAdmin(): boolean {
  const role = useMe().data?.member.role;
  return role === 'owner' || role === 'admin';
}
