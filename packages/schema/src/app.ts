import type { AutomationDef } from './automation.js';
import type { DashboardDef } from './dashboard.js';
import type { FormDef } from './form.js';
import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';
import type { PermissionGroupDef } from './permission.js';
import type { ViewDef } from './view.js';
import type { WorkflowDef } from './workflow.js';

/** 应用: a bundle of forms, views, workflows, automations, dashboards and permission groups. */
export type AppDef = {
  id: Id;
  name: LocalizedText;
  description?: LocalizedText;
  icon?: string;
  forms: FormDef[];
  views?: ViewDef[];
  workflows?: WorkflowDef[];
  automations?: AutomationDef[];
  dashboards?: DashboardDef[];
  permissionGroups?: PermissionGroupDef[];
};
