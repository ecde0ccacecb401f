import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `department`: one department id, or a list when `multiple`. */
export type DepartmentSettings = { multiple?: boolean; defaultCurrentDepartment?: boolean };

export const departmentSettingsSchema: JsonSchema = settingsObject({
  multiple: { type: 'boolean' },
  defaultCurrentDepartment: { type: 'boolean' },
});
