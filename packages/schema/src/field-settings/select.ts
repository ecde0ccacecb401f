import type { SelectOption } from '../field.js';
import type { JsonSchema } from '../json-schema.js';
import { idSchema, localizedTextSchema, settingsObject } from './common.js';

export const selectOptionSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: idSchema,
    label: localizedTextSchema,
    color: { type: 'string', pattern: '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$' },
  },
  required: ['id', 'label'],
  additionalProperties: false,
};

export const optionsSchema: JsonSchema = { type: 'array', items: selectOptionSchema, maxItems: 1000 };

/** Settings of `select`. Options keep settings order (a kanban/funnel sorts by it). */
export type SelectSettings = { options: SelectOption[]; display?: 'radio' | 'dropdown' };

export const selectSettingsSchema: JsonSchema = settingsObject(
  { options: optionsSchema, display: { enum: ['radio', 'dropdown'] } },
  ['options'],
);
