import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { FormDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { useApp } from '../queries/use-app.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { Loading } from '../ui/Spinner.js';
import { localized } from '../ui/localized.js';
import { allFields } from './field-tree.js';
import { Designer } from './Designer.js';
import './designer.css';

/** `/apps/:appId/forms/:formId/design`: loads the draft and the published version, then the designer. */
export function DesignerPage() {
  const { appId = '', formId = '' } = useParams();
  const queryClient = useQueryClient();
  const draft = useQuery({
    queryKey: keys.draft(formId),
    queryFn: () => endpoints.forms.draft(formId),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const app = useApp(appId);
  const [version, setVersion] = useState<number | null | undefined>(undefined);
  const publishedVersion = version !== undefined ? version : draft.data?.publishedVersion;
  const published = useQuery({
    queryKey: ['designer-published', formId, publishedVersion],
    enabled: typeof publishedVersion === 'number',
    queryFn: () => endpoints.forms.version(formId, publishedVersion!),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const publishedIds = useMemo(
    () => new Set(published.data ? allFields(published.data.definition).map((p) => p.field.id) : []),
    [published.data],
  );
  const appForms = useMemo(
    () => (app.data?.forms ?? []).map((f) => ({ id: f.id, name: localized(f.name) || f.id, self: f.id === formId })),
    [app.data, formId],
  );
  const reloadDraft = useCallback(async (): Promise<FormDef> => {
    const fresh = await endpoints.forms.draft(formId);
    setVersion(fresh.publishedVersion);
    void queryClient.invalidateQueries({ queryKey: keys.form(formId) });
    return fresh.definition;
  }, [formId, queryClient]);

  if (draft.error) return <ErrorBanner error={draft.error} />;
  if (published.error) return <ErrorBanner error={published.error} />;
  // Only the first load waits for the published version; after a publish the designer stays while it refreshes.
  if (!draft.data || (version === undefined && typeof publishedVersion === 'number' && !published.data))
    return <Loading />;
  return (
    <Designer
      key={formId}
      appId={appId}
      formId={formId}
      initial={draft.data.definition}
      publishedIds={publishedIds}
      appForms={
        appForms.length > 0 ? appForms : [{ id: formId, name: localized(draft.data.definition.name), self: true }]
      }
      onPublished={setVersion}
      reloadDraft={reloadDraft}
    />
  );
}
