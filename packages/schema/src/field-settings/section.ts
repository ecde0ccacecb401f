import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `section` (分割线, layout only): optional collapsed state. */
export type SectionSettings = { collapsible?: boolean; collapsed?: boolean };

export const sectionSettingsSchema: JsonSchema = settingsObject({
  collapsible: { type: 'boolean' },
  collapsed: { type: 'boolean' },
});
