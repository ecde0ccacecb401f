import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';

/** The signed-in member (401 when there is no session). */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: endpoints.auth.me, retry: false, staleTime: 5 * 60_000 });
}
