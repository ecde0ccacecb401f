import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ViewDef } from '@formflow/schema';
import { ApiError } from '../api/api-error.js';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { LiveForm } from '../api/types.js';
import { useApp } from '../queries/use-app.js';
import { useLiveForm } from '../queries/use-live-form.js';
import { RecordDrawer } from '../record/RecordDrawer.js';
import { PublicLinksDialog } from '../share/PublicLinksDialog.js';
import { ErrorBanner, errorMessage } from '../ui/ErrorBanner.js';
import { Loading } from '../ui/Spinner.js';
import { CalendarView } from './calendar/CalendarView.js';
import { DataPageHeader } from './DataPageHeader.js';
import { KanbanView } from './kanban/KanbanView.js';
import { andFilters, draftToFilter, filterableFields, isComplete, searchFilter } from './filter-state.js';
import { GridView } from './grid/GridView.js';
import { prefetchDefaultGrid } from './grid/use-grid-data.js';
import { saveViews } from './save-view.js';
import { SaveViewDialog, type NewViewSettings } from './SaveViewDialog.js';
import { toolbarOf, type Toolbar } from './toolbar-state.js';
import { useDebounced } from './use-debounced.js';
import {
  applyState,
  canGroupBy,
  canSortBy,
  columnCandidates,
  effectiveSort,
  newViewId,
  visibleColumns,
  type ViewState,
} from './view-state.js';
import { ViewTabs } from './ViewTabs.js';
import { ViewToolbar } from './ViewToolbar.js';
import './views.css';

/**
 * `/apps/:appId/forms/:formId`: a form's data. Tabs: "All records" and the app's saved views of this form
 * (`?view=`); a toolbar (search, filter builder, sort, group, columns, save view); the grid, kanban or calendar;
 * the record drawer (`?record=`).
 */
export function FormDataPage() {
  const { appId = '', formId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const viewId = params.get('view');
  const recordId = params.get('record');

  // On arrival at a form (during this render, not in an effect that runs after the previous page's teardown): the
  // form's definition, and for the default grid its count and first page, are all asked for at once. Later the grid
  // asks for what it shows. React Query dedupes, so a repeated render asks nothing twice.
  const [arrived, setArrived] = useState<string | null>(null);
  if (formId && arrived !== formId) {
    setArrived(formId);
    void client.prefetchQuery({ queryKey: keys.form(formId), queryFn: () => endpoints.forms.live(formId) });
    if (!viewId) prefetchDefaultGrid(client, formId);
  }

  const form = useLiveForm(formId);
  const app = useApp(appId);
  const { t } = useTranslation('views');

  if (form.error) return <PageError error={form.error} />;
  if (!form.data || (viewId && !app.data && !app.error)) return <Loading />;
  const views = (app.data?.views ?? []).filter((v) => v.formId === formId);
  const view = viewId ? views.find((v) => v.id === viewId) : undefined;
  return (
    <DataPage
      key={formId}
      appId={appId}
      form={form.data}
      views={views}
      view={view}
      viewMissing={Boolean(viewId) && !view}
      appError={app.error}
      recordId={recordId}
      setParam={(name, value) =>
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            if (value === null) next.delete(name);
            else next.set(name, value);
            return next;
          },
          { replace: name === 'record' && value === null },
        )
      }
      t={t}
    />
  );
}

function PageError({ error }: { error: unknown }) {
  return (
    <div className="ffv-page">
      <ErrorBanner error={error} />
    </div>
  );
}

function DataPage({
  appId,
  form,
  views,
  view,
  viewMissing,
  appError,
  recordId,
  setParam,
  t,
}: {
  appId: string;
  form: LiveForm;
  views: ViewDef[];
  view: ViewDef | undefined;
  viewMissing: boolean;
  appError: unknown;
  recordId: string | null;
  setParam: (name: string, value: string | null) => void;
  t: (key: string, options?: Record<string, unknown>) => string;
}) {
  const client = useQueryClient();
  const { t: tc } = useTranslation();
  const viewKey = view ? `${view.id}:${JSON.stringify(view)}` : 'all';
  const [toolbar, setToolbar] = useState<Toolbar>(() => toolbarOf(viewKey, view));
  const current = toolbar.key === viewKey ? toolbar : toolbarOf(viewKey, view);
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  /** The view dialog: "New view" (from the tab: a fresh view) or "Save as new view" (the toolbar's current state). */
  const [dialog, setDialog] = useState<'new' | 'saveAs' | null>(null);
  const [sharing, setSharing] = useState(false);

  const readable = form.access.readable;
  const filterFields = useMemo(() => filterableFields(form, readable), [form, readable]);
  const candidates = useMemo(() => columnCandidates(form, readable), [form, readable]);
  const sortFields = useMemo(() => candidates.filter(canSortBy), [candidates]);
  const groupFields = useMemo(() => candidates.filter(canGroupBy), [candidates]);

  const edit = (change: (t: Toolbar) => Toolbar) => {
    setToolbar(() => ({ ...change(current), key: viewKey, dirty: true }));
    setSaved(false);
  };
  const builderFilter = draftToFilter(current.draft, form);
  const viewFilter = andFilters(current.custom, builderFilter);
  const state: ViewState = { ...current.state, ...(viewFilter ? { filter: viewFilter } : { filter: undefined }) };
  if (!viewFilter) delete state.filter;

  const debouncedSearch = useDebounced(search, 300, viewKey);
  const searchNode = searchFilter(form, debouncedSearch, readable);
  const appliedViewFilter = useDebounced(viewFilter ?? null, 300, viewKey);
  const gridFilter = andFilters(appliedViewFilter ?? undefined, searchNode);
  const sort = effectiveSort(state);
  const columns = visibleColumns(candidates, state.fields);
  const groupField = state.groupBy ? candidates.find((f) => f.id === state.groupBy) : undefined;
  const type = view?.type ?? 'grid';
  const activeConditions =
    current.draft.conditions.filter((c) =>
      isComplete(
        c,
        form.fields.find((f) => f.id === c.field),
      ),
    ).length + (current.custom ? 1 : 0);

  const actions = form.access.actions;
  const canSubmit = actions.includes('submit') || actions.includes('manage');
  const exportQuery = new URLSearchParams({
    ...(gridFilter ? { filter: JSON.stringify(gridFilter) } : {}),
    ...(sort.length ? { sort: sort.map((s) => `${s.field}:${s.direction}`).join(',') } : {}),
  }).toString();

  const save = async (change: (views: ViewDef[]) => ViewDef[], then?: () => void) => {
    setSaving(true);
    setSaveError(null);
    try {
      const app = await saveViews(appId, change);
      client.setQueryData(keys.app(appId), app);
      // An older read of the app still in flight must not put the previous views back.
      void client.invalidateQueries({ queryKey: keys.app(appId) });
      setSaved(true);
      then?.();
    } catch (error) {
      const message = errorMessage(error, tc as never);
      setSaveError(
        error instanceof ApiError && error.status === 403 ? `${t('saveViewForbidden')} (${message})` : message,
      );
    } finally {
      setSaving(false);
    }
  };

  const saveCurrent = () => {
    if (!view) return;
    void save((list) => list.map((v) => (v.id === view.id ? applyState(v, state) : v)));
  };

  const saveNew = (settings: NewViewSettings) => {
    const id = newViewId();
    const base: ViewDef = { id, formId: form.id, name: settings.name, type: settings.type };
    const next = applyState(base, dialog === 'new' ? { sort: [] } : state);
    if (settings.type === 'kanban') {
      next.groupBy = settings.groupBy;
      if (settings.sumField) next.sumField = settings.sumField;
    }
    if (settings.type === 'calendar' && settings.dateField) next.dateField = settings.dateField;
    void save(
      (list) => [...list, next],
      () => {
        setDialog(null);
        setParam('view', id);
      },
    );
  };

  const viewForChild = view ? applyState(view, state) : undefined;
  const openRecord = (id: string) => setParam('record', id);
  const base = `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(form.id)}`;
  const manage = actions.includes('manage');
  const openDialog = (kind: 'new' | 'saveAs') => {
    setSaveError(null);
    setDialog(kind);
  };

  return (
    <div className="ffv-page">
      <DataPageHeader
        form={form}
        base={base}
        canSubmit={canSubmit}
        manage={manage}
        exportQuery={exportQuery}
        onShare={() => setSharing(true)}
      />

      <ViewTabs base={base} views={views} view={view} viewMissing={viewMissing} onNewView={() => openDialog('new')} />

      {viewMissing ? (
        <div className="ff-banner">{appError ? errorMessage(appError, tc as never) : t('viewNotFound')}</div>
      ) : null}

      <ViewToolbar
        type={type}
        view={view}
        current={current}
        state={state}
        edit={edit}
        search={search}
        onSearch={setSearch}
        activeConditions={activeConditions}
        filterFields={filterFields}
        sortFields={sortFields}
        groupFields={groupFields}
        candidates={candidates}
        columns={columns}
        saved={saved}
        saving={saving}
        onSave={saveCurrent}
        onSaveAs={() => openDialog('saveAs')}
      />
      {saveError && !dialog ? (
        <div className="ff-banner" role="alert">
          {saveError}
        </div>
      ) : null}

      <div className="ffv-body">
        {type === 'kanban' && viewForChild ? (
          <KanbanView form={form} view={viewForChild} filter={searchNode} onOpenRecord={openRecord} />
        ) : type === 'calendar' && viewForChild ? (
          <CalendarView form={form} view={viewForChild} filter={searchNode} onOpenRecord={openRecord} />
        ) : (
          <GridView
            form={form}
            columns={columns}
            query={{ formId: form.id, ...(gridFilter ? { filter: gridFilter } : {}), sort }}
            {...(groupField ? { groupField } : {})}
            onOpenRecord={openRecord}
            {...(canSubmit ? { newRecordHref: `${base}/new` } : {})}
          />
        )}
      </div>

      {dialog ? (
        <SaveViewDialog
          title={dialog === 'new' ? t('newView') : t('saveAsNew')}
          fields={candidates}
          saving={saving}
          error={saveError}
          onSave={saveNew}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {sharing ? <PublicLinksDialog formId={form.id} form={form} onClose={() => setSharing(false)} /> : null}
      {recordId ? <RecordDrawer form={form} recordId={recordId} onClose={() => setParam('record', null)} /> : null}
    </div>
  );
}
