import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowRight } from 'lucide-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../api/types.js';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { Button, ErrorBanner, Loading, errorMessage, localized } from '../ui/index.js';
import type { FormatLookups } from '../runtime/format-value.js';
import { currentLanguage } from '../i18n/current-language.js';
import { historyRows, type HistoryChangeRow } from './history-rows.js';
import { displayText } from './record-display.js';
import { sameValue } from './conflict.js';
import { refreshRecord } from './RecordEditor.js';
import { SelectTags, isSelectField, selectedIds } from './SelectTags.js';
import { useRelationTitles } from './use-relation-titles.js';

/** "3 minutes ago" in the UI language. */
export function relativeTime(at: string, now: number, language: string): string {
  const seconds = Math.round((new Date(at).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  if (abs < 365 * 86_400) return format.format(Math.round(seconds / (30 * 86_400)), 'month');
  return format.format(Math.round(seconds / (365 * 86_400)), 'year');
}

/**
 * The record's timeline, newest first: who, when, what; per changed field the value before → after, with
 * "Restore this earlier value" (a new version holding the value of the version before that change).
 */
export function HistoryTab({ form, record, lookups }: { form: LiveForm; record: FormRecord; lookups: FormatLookups }) {
  const { t } = useTranslation('record');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const history = useQuery({
    queryKey: keys.history(record.id),
    queryFn: () => endpoints.records.history(record.id),
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const language = currentLanguage();
  const rows = useMemo(() => historyRows(history.data?.entries ?? [], form.fields), [history.data, form.fields]);
  const shown = useRelationTitles(
    lookups,
    rows.flatMap((row) =>
      row.changes.flatMap((change) => [
        { field: change.field, value: change.before },
        { field: change.field, value: change.after },
      ]),
    ),
  );
  const canEdit = form.access.actions.includes('edit') || form.access.actions.includes('manage');
  const writable = new Set(form.access.writable);
  const memberName = (id: string | null) => (id ? (lookups.members?.get(id) ?? id) : t('system'));
  const now = Date.now();

  const restore = async (change: HistoryChangeRow) => {
    if (change.restoreFrom === null) return;
    const key = `${change.restoreFrom}:${change.fieldId}`;
    setBusy(key);
    setError(null);
    setRestored(null);
    try {
      await endpoints.records.restoreField(record.id, change.fieldId, change.restoreFrom, record.version);
      await refreshRecord(queryClient, form.id, record.id);
      setRestored(change.field ? localized(change.field.label) : change.fieldId);
    } catch (failure) {
      setError(failure);
      void refreshRecord(queryClient, form.id, record.id);
    } finally {
      setBusy(null);
    }
  };

  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorBanner error={history.error} />;

  const show = (field: FieldDef | undefined, value: unknown) => {
    if (field && isSelectField(field) && selectedIds(value).length) return <SelectTags field={field} value={value} />;
    const text = field ? displayText(field, value, shown) : JSON.stringify(value ?? null);
    return text ? <span>{text}</span> : <span className="ff-muted">{t('emptyValue')}</span>;
  };

  return (
    <div className="ff-record-history">
      {error ? (
        <div className="ff-banner" role="alert">
          {t('restoreFailed')} {errorMessage(error, tc)}
        </div>
      ) : null}
      {restored ? (
        <div className="ff-banner ff-banner--info" role="status">
          {t('restored', { field: restored })}
        </div>
      ) : null}
      {rows.length === 0 ? <p className="ff-muted">{t('noHistory')}</p> : null}
      <ol className="ff-record-timeline" aria-label={t('historyTab')}>
        {rows.map((row) => (
          <li key={row.version} className="ff-record-timeline__entry" data-version={row.version}>
            <div className="ff-record-timeline__dot" aria-hidden="true" />
            <div className="ff-record-timeline__head">
              <strong>{memberName(row.actor)}</strong>
              <span>{t(`action.${row.action}`)}</span>
              <span className="ff-tag">v{row.version}</span>
              <time dateTime={row.at} title={new Date(row.at).toLocaleString(language)} className="ff-muted">
                {relativeTime(row.at, now, language)} ·{' '}
                {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                  new Date(row.at),
                )}
              </time>
            </div>
            {row.changes.length ? (
              <ul className="ff-record-timeline__changes">
                {row.changes.map((change) => {
                  const key = `${change.restoreFrom ?? 0}:${change.fieldId}`;
                  const current = record.data[change.fieldId];
                  const restorable =
                    canEdit &&
                    change.restoreFrom !== null &&
                    writable.has(change.fieldId) &&
                    change.field !== undefined &&
                    !sameValue(current, change.before);
                  return (
                    <li key={change.fieldId} className="ff-record-change" data-field={change.fieldId}>
                      <span className="ff-record-change__field">
                        {change.field ? localized(change.field.label) : change.fieldId}
                      </span>
                      <span className="ff-record-change__values">
                        <span className="ff-record-change__before">{show(change.field, change.before)}</span>
                        <span role="img" aria-label={t('changedTo')} className="ff-record-change__arrow">
                          <ArrowRight size={14} aria-hidden="true" />
                        </span>
                        <span className="ff-record-change__after">{show(change.field, change.after)}</span>
                      </span>
                      {restorable ? (
                        <Button
                          small
                          variant="ghost"
                          className="ff-record-change__restore"
                          disabled={busy !== null}
                          onClick={() => void restore(change)}
                        >
                          {busy === key ? t('restoring') : t('restoreEarlier')}
                        </Button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
