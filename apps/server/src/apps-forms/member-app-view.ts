import type { FormAccess } from '@formflow/engine';
import type { DashboardDef, ViewDef } from '@formflow/schema';
import type { AppDefinition } from '@formflow/store';
import { mentionsAny } from './mentions-any.js';

/** Read actions: they make views and dashboards of a form useful. */
const READ_ACTIONS = ['view', 'edit', 'delete', 'export', 'manage'] as const;

/** The field ids of a form the caller may not read: every field id of the form minus the readable ones. */
function unreadable(fieldIds: readonly string[], access: FormAccess): Set<string> {
  return new Set(fieldIds.filter((id) => !access.readable.has(id)));
}

function canRead(access: FormAccess | undefined): access is FormAccess {
  return access !== undefined && READ_ACTIONS.some((a) => access.actions.has(a));
}

function visibleView(view: ViewDef, access: FormAccess | undefined, fieldIds: readonly string[]): ViewDef | undefined {
  if (!canRead(access)) return undefined;
  if (access.full) return view;
  const hidden = unreadable(fieldIds, access);
  const { fields, ...rest } = view;
  // A view that filters, sorts, groups or draws by a field the caller may not read would probe it: left out.
  if (mentionsAny(rest, hidden)) return undefined;
  return fields === undefined ? rest : { ...rest, fields: fields.filter((id) => !hidden.has(id)) };
}

function visibleDashboard(
  dashboard: DashboardDef,
  accessOf: (formId: string) => { access: FormAccess | undefined; fieldIds: readonly string[] },
): DashboardDef | undefined {
  const widgets = dashboard.widgets.filter((widget) => {
    const { access, fieldIds } = accessOf(widget.formId);
    if (!canRead(access)) return false;
    return access.full || !mentionsAny({ ...widget, formId: null }, unreadable(fieldIds, access));
  });
  return widgets.length === 0 ? undefined : { ...dashboard, widgets };
}

/**
 * An app definition as a member may see it: the name, description and icon; views and dashboard widgets of forms
 * they may read that mention no field they may not read; no permission groups, workflows or automations (they
 * describe other people's rights and the app's machinery, and are the designer's business).
 */
export function memberAppView(
  definition: AppDefinition,
  accessOf: (formId: string) => { access: FormAccess | undefined; fieldIds: readonly string[] },
): AppDefinition {
  const out: AppDefinition = { id: definition.id, name: definition.name };
  if (definition.description !== undefined) out.description = definition.description;
  if (definition.icon !== undefined) out.icon = definition.icon;
  const views = (definition.views ?? []).flatMap((view) => {
    const { access, fieldIds } = accessOf(view.formId);
    const visible = visibleView(view, access, fieldIds);
    return visible ? [visible] : [];
  });
  if (views.length > 0) out.views = views;
  const dashboards = (definition.dashboards ?? []).flatMap((d) => {
    const visible = visibleDashboard(d, accessOf);
    return visible ? [visible] : [];
  });
  if (dashboards.length > 0) out.dashboards = dashboards;
  return out;
}
