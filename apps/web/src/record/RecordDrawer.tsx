import { useEffect, useState, type KeyboardEvent } from 'react';
import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormRecord, LiveForm } from '../api/types.js';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { Button, Dialog, Drawer, ErrorBanner, Loading, localized } from '../ui/index.js';
import { CommentsTab } from './CommentsTab.js';
import { EscapeScope } from './EscapeScope.js';
import { FieldsView } from './FieldsView.js';
import { HistoryTab } from './HistoryTab.js';
import { RecordEditor } from './RecordEditor.js';
import { recordTitle } from './record-display.js';
import { useLookups } from './use-lookups.js';
import { useRelationTitles } from './use-relation-titles.js';
import './record.css';

/** CONTRACT (the record area replaces this placeholder, keeping the props): fields, history, comments. */
export type RecordDrawerProps = { form: LiveForm; recordId: string; onClose: () => void };

type Tab = 'fields' | 'history' | 'comments';
const TABS: Tab[] = ['fields', 'history', 'comments'];

/**
 * The record detail drawer: the title, Edit and Delete (to the recycle bin), and three tabs — every readable field
 * (or the editor), the history timeline with per-field restore, and the comments.
 */
export function RecordDrawer({ form, recordId, onClose }: RecordDrawerProps) {
  const { t } = useTranslation('record');
  const queryClient = useQueryClient();
  const directory = useLookups();
  const [tab, setTab] = useState<Tab>('fields');
  /** "Saved" shows for a few seconds after an edit was saved. */
  const [saved, setSaved] = useState(false);
  /** The record as it was when editing began: the base of the changes and of the If-Match version. */
  const [editing, setEditing] = useState<FormRecord | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);
  const record = useQuery({ queryKey: keys.record(recordId), queryFn: () => endpoints.records.get(recordId) });
  const lookups = useRelationTitles(
    directory,
    form.fields.map((field) => ({ field, value: record.data?.data[field.id] })),
  );
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), 4000);
    return () => clearTimeout(timer);
  }, [saved]);

  const actions = form.access.actions;
  const canEdit = (actions.includes('edit') || actions.includes('manage')) && form.access.writable.length > 0;
  const canDelete = actions.includes('delete') || actions.includes('manage');
  const title = record.data
    ? recordTitle(form, record.data, t('untitled'), lookups)
    : record.error
      ? localized(form.name)
      : t('loadingRecord');

  const remove = async () => {
    if (!record.data) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await endpoints.records.remove(recordId);
      await queryClient.invalidateQueries({ queryKey: keys.records(form.id) });
      queryClient.removeQueries({ queryKey: keys.record(recordId) });
      setConfirmDelete(false);
      onClose();
    } catch (error) {
      setDeleteError(error);
    } finally {
      setDeleting(false);
    }
  };

  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS.at(index - 1)
          : null;
    if (next) {
      event.preventDefault();
      setTab(next);
      document.getElementById(`record-tab-${next}`)?.focus();
    }
  };

  const headerActions = record.data ? (
    <>
      {canEdit && !editing ? (
        <Button
          small
          onClick={() => {
            setTab('fields');
            setSaved(false);
            setEditing(record.data ?? null);
          }}
        >
          {t('edit')}
        </Button>
      ) : null}
      {canDelete ? (
        <Button small variant="danger" onClick={() => setConfirmDelete(true)}>
          {t('delete')}
        </Button>
      ) : null}
    </>
  ) : null;

  return (
    <Drawer title={title} label={title} onClose={onClose} actions={headerActions}>
      <div className="ff-record" data-testid="record-drawer">
        <div className="ff-record__meta ff-muted">
          {localized(form.name)}
          {record.data ? (
            <>
              {' · '}
              {t('versionN', { version: record.data.version })}
              {' · '}
              {t('updatedAt', {
                at: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
                  new Date(record.data.updatedAt),
                ),
              })}
            </>
          ) : null}
        </div>
        <div className="ff-record__tabs" role="tablist" aria-label={t('tabs')} onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              key={name}
              id={`record-tab-${name}`}
              type="button"
              role="tab"
              aria-selected={tab === name}
              aria-controls={`record-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              className={'ff-record__tab' + (tab === name ? ' is-active' : '')}
              onClick={() => setTab(name)}
            >
              {t(`${name}Tab`)}
            </button>
          ))}
        </div>
        <div
          id={`record-panel-${tab}`}
          role="tabpanel"
          aria-labelledby={`record-tab-${tab}`}
          className="ff-record__panel"
        >
          <div className="ff-record__saved-slot" role="status" aria-live="polite">
            {saved ? (
              <span className="ff-record__saved" data-testid="record-saved">
                <Check size={16} aria-hidden="true" /> {t('saved')}
              </span>
            ) : null}
          </div>
          {record.isPending ? <Loading /> : null}
          {record.error ? <ErrorBanner error={record.error} /> : null}
          {record.data && editing ? (
            <div className="ff-record__editor" hidden={tab !== 'fields'}>
              <div className="ff-record__editor-bar ff-muted">{t('editing')}</div>
              <RecordEditor
                form={form}
                record={editing}
                lookups={lookups}
                onDone={() => {
                  setEditing(null);
                  setSaved(true);
                }}
                onCancel={() => setEditing(null)}
              />
            </div>
          ) : null}
          {record.data && !editing && tab === 'fields' ? (
            <FieldsView form={form} record={record.data} lookups={lookups} />
          ) : null}
          {record.data && tab === 'history' ? <HistoryTab form={form} record={record.data} lookups={lookups} /> : null}
          {record.data && tab === 'comments' ? <CommentsTab recordId={recordId} lookups={lookups} /> : null}
        </div>
      </div>
      <EscapeScope>
        <Dialog
          open={confirmDelete}
          title={t('deleteTitle')}
          onClose={() => setConfirmDelete(false)}
          footer={
            <>
              <Button onClick={() => setConfirmDelete(false)}>{t('cancel')}</Button>
              <Button variant="danger" onClick={() => void remove()} disabled={deleting}>
                {t('deleteConfirm')}
              </Button>
            </>
          }
        >
          <p>{t('deleteBody', { title })}</p>
          <ErrorBanner error={deleteError} />
        </Dialog>
      </EscapeScope>
    </Drawer>
  );
}
