import type { JsonSchema } from '../json-schema.js';
import { appSchema } from './app-schema.js';
import { automationSchema } from './automation-schema.js';
import { dashboardSchema } from './dashboard-schema.js';
import { fieldSchema } from './field-schema.js';
import { filterSchema, sortSchema } from './filter-schema.js';
import { formSchema } from './form-schema.js';
import { layoutRowSchema } from './layout-schema.js';
import { logicRuleSchema } from './logic-schema.js';
import { permissionGroupSchema } from './permission-schema.js';
import { templateManifestSchema } from './template-schema.js';
import { viewSchema } from './view-schema.js';
import { workflowSchema } from './workflow-schema.js';

export { SCHEMA_BASE_URI, SAFE_ID_PATTERN, schemaId } from './common.js';
export {
  appSchema,
  automationSchema,
  dashboardSchema,
  fieldSchema,
  filterSchema,
  formSchema,
  layoutRowSchema,
  logicRuleSchema,
  permissionGroupSchema,
  sortSchema,
  templateManifestSchema,
  viewSchema,
  workflowSchema,
};

/** Every definition schema, registered together so they can `$ref` each other by `$id`. */
export const definitionSchemas: readonly JsonSchema[] = [
  fieldSchema,
  layoutRowSchema,
  logicRuleSchema,
  filterSchema,
  sortSchema,
  formSchema,
  viewSchema,
  permissionGroupSchema,
  workflowSchema,
  automationSchema,
  dashboardSchema,
  appSchema,
  templateManifestSchema,
];
