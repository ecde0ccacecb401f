import { useTranslation } from 'react-i18next';
import type { FieldDef, ViewDef, ViewType } from '@formflow/schema';
import { Button } from '../ui/Button.js';
import { localized } from '../ui/localized.js';
import type { filterableFields } from './filter-state.js';
import type { Toolbar } from './toolbar-state.js';
import { ColumnChooser } from './toolbar/ColumnChooser.js';
import { FilterBuilder } from './toolbar/FilterBuilder.js';
import { Popover } from './toolbar/Popover.js';
import { SortEditor } from './toolbar/SortEditor.js';
import type { ViewState } from './view-state.js';

/**
 * The data toolbar: search, the filter builder, and for grids sort, group and columns; at the end "Save view" (when
 * the saved view has unsaved changes) and "Save as new view".
 */
export function ViewToolbar({
  type,
  view,
  current,
  state,
  edit,
  search,
  onSearch,
  activeConditions,
  filterFields,
  sortFields,
  groupFields,
  candidates,
  columns,
  saved,
  saving,
  onSave,
  onSaveAs,
}: {
  type: ViewType;
  view: ViewDef | undefined;
  current: Toolbar;
  state: ViewState;
  edit: (change: (t: Toolbar) => Toolbar) => void;
  search: string;
  onSearch: (search: string) => void;
  activeConditions: number;
  filterFields: ReturnType<typeof filterableFields>;
  sortFields: FieldDef[];
  groupFields: FieldDef[];
  candidates: FieldDef[];
  columns: FieldDef[];
  saved: boolean;
  saving: boolean;
  onSave: () => void;
  onSaveAs: () => void;
}) {
  const { t } = useTranslation('views');
  return (
    <div className="ffv-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <input
        className="ff-input ffv-toolbar__search"
        type="search"
        aria-label={t('searchRecords')}
        placeholder={t('searchRecords')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
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
          <Button small variant="primary" disabled={saving} onClick={onSave}>
            {saving ? t('saving') : t('saveView')}
          </Button>
        ) : null}
        <Button small onClick={onSaveAs}>
          {t('saveAsNew')}
        </Button>
      </div>
    </div>
  );
}
