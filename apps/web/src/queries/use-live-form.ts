import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';

/** The live (published) form as the caller may see it, with `access`. */
export function useLiveForm(formId: string | undefined) {
  return useQuery({
    queryKey: keys.form(formId ?? ''),
    queryFn: () => endpoints.forms.live(formId!),
    enabled: Boolean(formId),
  });
}
