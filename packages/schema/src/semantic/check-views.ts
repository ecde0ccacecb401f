import type { Problem } from '../problem.js';
import type { AppIndex } from './app-index.js';
import { checkDuplicateIds } from './check-duplicates.js';
import { checkFilter } from './check-filter.js';
import { checkFieldRef, checkFormRef, DATE_TYPES, NUMERIC_TYPES } from './field-refs.js';
import { arr, obj, ownEntries, str } from './read.js';

const KANBAN_GROUP_TYPES = ['select', 'member'];
const COVER_TYPES = ['image', 'attachment'];

/** Views: unique ids; form, fields, sort, grouping, kanban/calendar/gallery fields and filter. */
export function checkViews(index: AppIndex, views: unknown, problems: Problem[]): void {
  checkDuplicateIds(views, ['views'], 'view', problems);
  arr(views).forEach((raw, i) => {
    const view = obj(raw);
    const path = ['views', i];
    const form = checkFormRef(index, view?.formId, [...path, 'formId'], problems);
    if (view === undefined || form === undefined) return;
    arr(view.fields).forEach((ref, j) => checkFieldRef(form, ref, [...path, 'fields', j], problems));
    arr(view.sort).forEach((s, j) => checkFieldRef(form, obj(s)?.field, [...path, 'sort', j, 'field'], problems));
    const kanban = str(view.type) === 'kanban';
    checkFieldRef(form, view.groupBy, [...path, 'groupBy'], problems, kanban ? { types: KANBAN_GROUP_TYPES } : {});
    checkFieldRef(form, view.sumField, [...path, 'sumField'], problems, { types: NUMERIC_TYPES });
    checkFieldRef(form, view.dateField, [...path, 'dateField'], problems, { types: DATE_TYPES });
    checkFieldRef(form, view.endDateField, [...path, 'endDateField'], problems, { types: DATE_TYPES });
    checkFieldRef(form, view.coverField, [...path, 'coverField'], problems, { types: COVER_TYPES });
    if (view.filter !== undefined) checkFilter(view.filter, [...path, 'filter'], form, problems);
  });
}

/** Permission groups: unique ids; form, per-field access keys, row filter. */
export function checkPermissionGroups(index: AppIndex, groups: unknown, problems: Problem[]): void {
  checkDuplicateIds(groups, ['permissionGroups'], 'permissionGroup', problems);
  arr(groups).forEach((raw, i) => {
    const group = obj(raw);
    const path = ['permissionGroups', i];
    const form = checkFormRef(index, group?.formId, [...path, 'formId'], problems);
    if (group === undefined || form === undefined) return;
    for (const [fieldId] of ownEntries(group.fields)) {
      checkFieldRef(form, fieldId, [...path, 'fields', fieldId], problems, { includeColumns: true });
    }
    if (group.rowFilter !== undefined) checkFilter(group.rowFilter, [...path, 'rowFilter'], form, problems);
  });
}

/** Dashboards: unique ids, widget ids per dashboard, measure ids per widget; forms, fields and filters. */
export function checkDashboards(index: AppIndex, dashboards: unknown, problems: Problem[], prefix = ['dashboards']) {
  if (prefix.length > 0) checkDuplicateIds(dashboards, prefix, 'dashboard', problems);
  const list = prefix.length > 0 ? arr(dashboards) : [dashboards];
  list.forEach((raw, i) => {
    const path = prefix.length > 0 ? [...prefix, i] : [];
    const widgets = obj(raw)?.widgets;
    checkDuplicateIds(widgets, [...path, 'widgets'], 'widget', problems);
    arr(widgets).forEach((rawWidget, j) => {
      const widget = obj(rawWidget);
      const at = [...path, 'widgets', j];
      checkDuplicateIds(widget?.measures, [...at, 'measures'], 'measure', problems);
      const form = checkFormRef(index, widget?.formId, [...at, 'formId'], problems);
      if (widget === undefined || form === undefined) return;
      arr(widget.dimensions).forEach((d, k) => {
        checkFieldRef(form, obj(d)?.field, [...at, 'dimensions', k, 'field'], problems);
      });
      arr(widget.measures).forEach((m, k) => {
        const measure = obj(m);
        const numeric = ['sum', 'avg'].includes(str(measure?.agg) ?? '');
        const options = numeric ? { types: NUMERIC_TYPES } : {};
        checkFieldRef(form, measure?.field, [...at, 'measures', k, 'field'], problems, options);
      });
      if (widget.filter !== undefined) checkFilter(widget.filter, [...at, 'filter'], form, problems);
    });
  });
}
