import type { Id } from '../ids.js';
import type { JsonSchema } from '../json-schema.js';
import type { Rule } from '../rule.js';
import { idSchema, ruleSchema, settingsObject } from './common.js';

/**
 * Settings of `relation` (关联数据): records of form `formId`, one or many (`multiple`).
 * `displayField` is shown in pickers (default the form's title field); `filter` limits pickable records (JsonLogic).
 */
export type RelationSettings = { formId: Id; multiple?: boolean; displayField?: Id; filter?: Rule };

export const relationSettingsSchema: JsonSchema = settingsObject(
  { formId: idSchema, multiple: { type: 'boolean' }, displayField: idSchema, filter: ruleSchema },
  ['formId'],
);
