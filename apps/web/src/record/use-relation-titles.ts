import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { FieldDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { recordTitle, titleFieldOf } from '../runtime/fields/relation.js';
import type { FormatLookups } from '../runtime/format-value.js';

/** A relation value as record ids (one id, or a list when `multiple`). */
function linkedIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Titles of the records the given relation values link to (each record read once with GET /records/:id and its
 * form's live definition, both cached by React Query): `lookups` with `relations` added. A record the viewer cannot
 * read (or that is gone) is left out, so formatValue shows its id.
 */
export function useRelationTitles(
  lookups: FormatLookups,
  values: readonly { field: FieldDef | undefined; value: unknown }[],
): FormatLookups {
  const wanted = new Map<string, FieldDef>();
  for (const { field, value } of values)
    if (field?.type === 'relation') for (const id of linkedIds(value)) if (!wanted.has(id)) wanted.set(id, field);
  const ids = [...wanted.keys()].sort();
  const records = useQueries({
    queries: ids.map((id) => ({
      queryKey: keys.record(id),
      queryFn: () => endpoints.records.get(id),
      retry: false,
      staleTime: 60_000,
    })),
  });
  const formIds = [
    ...new Set(
      [...wanted.values()].map((f) => f.settings?.formId).filter((id): id is string => typeof id === 'string'),
    ),
  ].sort();
  const forms = useQueries({
    queries: formIds.map((id) => ({
      queryKey: keys.form(id),
      queryFn: () => endpoints.forms.live(id),
      retry: false,
      staleTime: 60_000,
    })),
  });
  const recordData = records.map((q) => q.data);
  const formData = forms.map((q) => q.data);
  const recordKey = records.map((q) => q.dataUpdatedAt).join('|');
  const formKey = forms.map((q) => q.dataUpdatedAt).join('|');
  return useMemo(() => {
    if (ids.length === 0) return lookups;
    const relations = new Map<string, string>();
    ids.forEach((id, index) => {
      const record = recordData[index];
      const field = wanted.get(id);
      const form = formData[formIds.indexOf(String(field?.settings?.formId))];
      if (!record || !form || record.id !== id) return;
      const title = recordTitle(record, titleFieldOf(form, field?.settings?.displayField));
      if (title) relations.set(id, title);
    });
    return { ...lookups, relations };
    // recordKey / formKey stand for the fetched records and forms
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lookups, ids.join('|'), recordKey, formKey]);
}
