import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/**
 * Settings of `member`: one member id, or an id list when `multiple`. `departmentScope` limits who can be picked;
 * `defaultCurrentMember` fills the submitter on create.
 */
export type MemberSettings = { multiple?: boolean; departmentScope?: string[]; defaultCurrentMember?: boolean };

export const memberSettingsSchema: JsonSchema = settingsObject({
  multiple: { type: 'boolean' },
  departmentScope: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 128 }, maxItems: 500 },
  defaultCurrentMember: { type: 'boolean' },
});
