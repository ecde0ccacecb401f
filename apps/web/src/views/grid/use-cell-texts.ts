import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FieldDef } from '@formflow/schema';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import type { FormRecord } from '../../api/types.js';
import type { FormatLookups } from '../../runtime/format-value.js';
import { cellText, lookupsNeeded } from './cell-text.js';

/**
 * The cells' texts, cached per record: member / department names are fetched only when a shown column needs them.
 * Gives the name lookups (for group headers too) and `textOf(field, record)`.
 */
export function useCellTexts(shownFields: FieldDef[], language: string) {
  // Names of members / departments only when a column shows them (a fetch and a re-render less on most forms).
  const needed = lookupsNeeded(shownFields);
  const members = useQuery({
    queryKey: keys.members,
    queryFn: endpoints.directory.members,
    staleTime: 5 * 60_000,
    enabled: needed.members,
  });
  const departments = useQuery({
    queryKey: keys.departments,
    queryFn: endpoints.directory.departments,
    staleTime: 5 * 60_000,
    enabled: needed.departments,
  });
  const lookups = useMemo<FormatLookups>(
    () => ({
      members: new Map((members.data?.members ?? []).map((m) => [m.id, m.name])),
      departments: new Map((departments.data?.departments ?? []).map((d) => [d.id, d.name])),
    }),
    [members.data, departments.data],
  );
  // Cell texts per record object (a record edit replaces the object), recomputed when names or the language change:
  // re-renders while scrolling or when a page arrives do not format every visible cell again.
  const texts = useMemo(() => {
    void lookups;
    void language;
    return new WeakMap<FormRecord, Map<string, string>>();
  }, [lookups, language]);
  const textOf = (field: FieldDef, record: FormRecord): string => {
    let row = texts.get(record);
    if (!row) texts.set(record, (row = new Map()));
    let text = row.get(field.id);
    if (text === undefined) row.set(field.id, (text = cellText(field, record, lookups, language)));
    return text;
  };
  return { lookups, textOf };
}
