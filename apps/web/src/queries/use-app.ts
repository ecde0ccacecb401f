import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';

/** An app with its forms (as summaries) and views. */
export function useApp(appId: string | undefined) {
  return useQuery({
    queryKey: keys.app(appId ?? ''),
    queryFn: () => endpoints.apps.get(appId!),
    enabled: Boolean(appId),
  });
}
