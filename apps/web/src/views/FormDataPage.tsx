import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { CalendarDays, Download, PencilRuler, Plus, Share2, SquareKanban, Table2, Upload } from 'lucide-react';
import type { FilterNode, ViewDef, ViewType } from '@formflow/schema';
import { ApiError } from '../api/api-error.js';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { LiveForm } from '../api/types.js';
import { useApp } from '../queries/use-app.js';
import { useLiveForm } from '../queries/use-live-form.js';
import { ExportMenu } from '../importer/ExportMenu.js';
import { RecordDrawer } from '../record/RecordDrawer.js';
import { PublicLinksDialog } from '../share/PublicLinksDialog.js';
import { Button } from '../ui/Button.js';
import { ErrorBanner, errorMessage } from '../ui/ErrorBanner.js';
import { localized } from '../ui/localized.js';
import { Loading } from '../ui/Spinner.js';
import { CalendarView } from './calendar/CalendarView.js';
import { KanbanView } from './kanban/KanbanView.js';
import {
  andFilters,
  draftToFilter,
  EMPTY_DRAFT,
  filterableFields,
  filterToDraft,
  isComplete,
  searchFilter,
  type FilterDraft,
} from './filter-state.js';
import { GridView } from './grid/GridView.js';
import { prefetchDefaultGrid } from './grid/use-grid-data.js';
import { saveViews } from './save-view.js';
import { SaveViewDialog, type NewViewSettings } from './SaveViewDialog.js';
import { MoreMenu, type MoreItem } from './MoreMenu.js';
import { ColumnChooser } from './toolbar/ColumnChooser.js';
import { FilterBuilder } from './toolbar/FilterBuilder.js';
import { Popover } from './toolbar/Popover.js';
import { SortEditor } from './toolbar/SortEditor.js';
import {
  applyState,
  canGroupBy,
  canSortBy,
  columnCandidates,
  effectiveSort,
  newViewId,
  stateOfView,
  visibleColumns,
  type ViewState,
} from './view-state.js';
import { useNarrow } from './use-narrow.js';
import './views.css';

/** The icon of a view type (SVG: Unicode shapes fall back to a CJK font in Chinese and render as squares). */
function ViewIcon({ type }: { type: ViewType }) {
  const Icon = type === 'kanban' ? SquareKanban : type === 'calendar' ? CalendarDays : Table2;
  return <Icon size={16} aria-hidden="true" className="ffv-tab__icon" />;
}

/** The toolbar's working state for one view (filter builder draft, the rest of the view state, unsaved changes). */
type Toolbar = { key: string; draft: FilterDraft; custom?: FilterNode; state: ViewState; dirty: boolean };

function toolbarOf(key: string, view: ViewDef | undefined): Toolbar {
  const state = stateOfView(view);
  const draft = filterToDraft(state.filter);
  return {
    key,
    draft: draft ?? EMPTY_DRAFT,
    ...(draft ? {} : { custom: state.filter }),
    state,
    dirty: false,
  };
}

/** Holds a value back until it has been stable for `ms`; a change of `key` passes at once. */
function useDebounced<T>(value: T, ms: number, key: string): T {
  const [held, setHeld] = useState({ value, key });
  const text = JSON.stringify(value);
  useEffect(() => {
    if (JSON.stringify(held.value) === text && held.key === key) return;
    const timer = setTimeout(() => setHeld({ value, key }), held.key === key ? ms : 0);
    return () => clearTimeout(timer);
  }, [text, key, ms, value, held]);
  return held.key === key ? held.value : value;
}

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
  const narrow = useNarrow();

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

  // Phones (≤ 640 px): the primary action stays, the rest folds into "More".
  const moreItems: MoreItem[] = [
    ...(canSubmit
      ? [
          {
            kind: 'link' as const,
            key: 'import',
            label: t('import'),
            icon: <Upload size={16} aria-hidden />,
            to: `${base}/import`,
          },
        ]
      : []),
    ...(['csv', 'xlsx'] as const).map((format) => ({
      kind: 'download' as const,
      key: `export-${format}`,
      label: t(format === 'csv' ? 'exportCsv' : 'exportXlsx'),
      icon: <Download size={16} aria-hidden />,
      href: endpoints.exports.url(form.id, format, exportQuery),
    })),
    ...(manage
      ? [
          {
            kind: 'link' as const,
            key: 'design',
            label: t('design'),
            icon: <PencilRuler size={16} aria-hidden />,
            to: `${base}/design`,
          },
          {
            kind: 'action' as const,
            key: 'share',
            label: t('share'),
            icon: <Share2 size={16} aria-hidden />,
            onSelect: () => setSharing(true),
          },
        ]
      : []),
  ];

  return (
    <div className="ffv-page">
      <header className="ffv-head">
        <h1 className="ffv-head__title">{localized(form.name)}</h1>
        <div className="ffv-head__actions">
          {canSubmit ? (
            <Link className="ff-btn ff-btn--primary ff-btn--small" to={`${base}/new`}>
              <Plus size={16} aria-hidden="true" />
              {t('newRecord')}
            </Link>
          ) : null}
          {narrow ? (
            <MoreMenu label={t('more')} items={moreItems} />
          ) : (
            <>
              {canSubmit ? (
                <Link className="ff-btn ff-btn--small" to={`${base}/import`}>
                  <Upload size={16} aria-hidden="true" />
                  {t('import')}
                </Link>
              ) : null}
              <ExportMenu formId={form.id} query={exportQuery} />
              {manage ? (
                <Link className="ff-btn ff-btn--small" to={`${base}/design`}>
                  <PencilRuler size={16} aria-hidden="true" />
                  {t('design')}
                </Link>
              ) : null}
              {manage ? (
                <Button small onClick={() => setSharing(true)}>
                  <Share2 size={16} aria-hidden="true" />
                  {t('share')}
                </Button>
              ) : null}
            </>
          )}
        </div>
      </header>

      <div className="ffv-tabbar">
        <nav className="ffv-tabs" role="tablist" aria-label={t('views')}>
          <Link
            role="tab"
            aria-selected={!view && !viewMissing}
            className={`ffv-tab${!view && !viewMissing ? ' ffv-tab--on' : ''}`}
            to={base}
          >
            <ViewIcon type="grid" />
            {t('allRecords')}
          </Link>
          {views.map((v) => (
            <Link
              key={v.id}
              role="tab"
              aria-selected={view?.id === v.id}
              className={`ffv-tab${view?.id === v.id ? ' ffv-tab--on' : ''}`}
              to={`${base}?view=${encodeURIComponent(v.id)}`}
            >
              <ViewIcon type={v.type} />
              {localized(v.name) || v.id}
            </Link>
          ))}
        </nav>
        <button type="button" className="ffv-tab ffv-tab--new" onClick={() => openDialog('new')}>
          <Plus size={16} aria-hidden="true" />
          {t('newView')}
        </button>
      </div>

      {viewMissing ? (
        <div className="ff-banner">{appError ? errorMessage(appError, tc as never) : t('viewNotFound')}</div>
      ) : null}

      <div className="ffv-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <input
          className="ff-input ffv-toolbar__search"
          type="search"
          aria-label={t('searchRecords')}
          placeholder={t('searchRecords')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Popover label={t('filter')} badge={activeConditions} title={t('filter')} wide testId="filter-panel">
          <FilterBuilder
            fields={filterFields}
            draft={current.draft}
            custom={current.custom !== undefined}
            onClearCustom={() =>
              edit((tb) => {
                const next = { ...tb };
                delete next.custom;
                return next;
              })
            }
            onChange={(draft) => edit((tb) => ({ ...tb, draft }))}
          />
        </Popover>
        {type === 'grid' || type === 'gallery' ? (
          <>
            <Popover label={t('sort')} badge={state.sort.length} title={t('sort')} wide>
              <SortEditor
                fields={sortFields}
                sort={state.sort}
                onChange={(next) => edit((tb) => ({ ...tb, state: { ...tb.state, sort: next } }))}
              />
            </Popover>
            <Popover label={t('group')} badge={state.groupBy ? 1 : 0} title={t('group')}>
              <label className="ffv-form__row">
                <span>{t('groupBy')}</span>
                <select
                  className="ff-select"
                  value={state.groupBy ?? ''}
                  onChange={(e) =>
                    edit((tb) => {
                      const next: ViewState = { ...tb.state };
                      if (e.target.value) next.groupBy = e.target.value;
                      else delete next.groupBy;
                      return { ...tb, state: next };
                    })
                  }
                >
                  <option value="">{t('noGrouping')}</option>
                  {groupFields.map((f) => (
                    <option key={f.id} value={f.id}>
                      {localized(f.label)}
                    </option>
                  ))}
                </select>
              </label>
            </Popover>
            <Popover
              label={t('columns')}
              badge={state.fields ? candidates.length - columns.length : 0}
              title={t('columns')}
            >
              <ColumnChooser
                candidates={candidates}
                visible={columns.map((c) => c.id)}
                onChange={(fields) => edit((tb) => ({ ...tb, state: { ...tb.state, fields } }))}
              />
            </Popover>
          </>
        ) : null}
        <div className="ffv-toolbar__end">
          {saved ? (
            <span className="ffv-toolbar__note" role="status">
              {t('viewSaved')}
            </span>
          ) : null}
          {view && current.dirty ? (
            <Button small variant="primary" disabled={saving} onClick={saveCurrent}>
              {saving ? t('saving') : t('saveView')}
            </Button>
          ) : null}
          <Button small onClick={() => openDialog('saveAs')}>
            {t('saveAsNew')}
          </Button>
        </div>
      </div>
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
