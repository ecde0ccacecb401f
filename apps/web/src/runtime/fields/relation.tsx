import type { FieldDef, FormDef } from '@formflow/schema';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import type { FormRecord } from '../../api/types.js';
import { useLiveForm } from '../../queries/use-live-form.js';
import { localized } from '../../ui/localized.js';
import { formatValue } from '../format-value.js';
import { FieldPicker, idsOf, pickerRenderer } from './picker.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

const TITLE_TYPES = new Set(['text', 'serial', 'email', 'phone', 'textarea', 'number', 'select']);

/** The field shown as a linked record's title: the relation's `displayField`, the form's title field, else its first text. */
export function titleFieldOf(linked: FormDef | undefined, displayField: unknown): FieldDef | undefined {
  if (!linked) return undefined;
  const live = linked.fields.filter((f) => !f.deleted);
  const byId = (id: unknown) => (typeof id === 'string' ? live.find((f) => f.id === id) : undefined);
  return byId(displayField) ?? byId(linked.settings?.titleField) ?? live.find((f) => TITLE_TYPES.has(f.type));
}

/** A linked record's title as text (the record id when the title is empty). */
export function recordTitle(record: FormRecord, title: FieldDef | undefined): string {
  const text = title ? formatValue(title, record.data[title.id]) : '';
  return text || record.id;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function RelationEdit(props: FieldRendererProps) {
  const { field, value } = props;
  const { t } = useTranslation('runtime');
  const linkedId = typeof field.settings?.formId === 'string' ? field.settings.formId : '';
  const linked = useLiveForm(linkedId || undefined);
  const title = titleFieldOf(linked.data, field.settings?.displayField);
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const results = useQuery({
    queryKey: [...keys.records(linkedId), 'picker', q],
    queryFn: ({ signal }) => endpoints.records.query(linkedId, { q: q || undefined, limit: 30 }, signal),
    enabled: opened && linkedId !== '',
  });
  const chosen = idsOf(value);
  const found = useMemo(() => results.data?.records ?? [], [results.data]);
  // Titles of chosen records not in the current results (a stored link, an earlier search).
  const missing = chosen.filter((c) => !found.some((r) => r.id === c));
  const fetched = useQueries({
    queries: missing.map((recordId) => ({
      queryKey: keys.record(recordId),
      queryFn: () => endpoints.records.get(recordId),
      retry: false,
      staleTime: 60_000,
    })),
  });
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const q of fetched) if (q.data) map.set(q.data.id, recordTitle(q.data, title));
    for (const r of found) map.set(r.id, recordTitle(r, title));
    return map;
  }, [fetched, found, title]);
  return (
    <FieldPicker
      {...props}
      labelOf={(recordId) => titles.get(recordId) ?? '…'}
      items={found.map((r) => ({ id: r.id, label: recordTitle(r, title) }))}
      loading={results.isFetching}
      onSearch={setQuery}
      onOpen={() => setOpened(true)}
      title={localized(linked.data?.name) || localized(field.label) || t('picker.records')}
    />
  );
}

/** 关联数据: pick records of the linked form (search over it on the server), shown by their title field. */
export const relationRenderer: FieldRenderer = pickerRenderer(RelationEdit);
