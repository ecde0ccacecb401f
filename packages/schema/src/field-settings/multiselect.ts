import type { SelectOption } from '../field.js';
import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';
import { optionsSchema } from './select.js';

/** Settings of `multiselect`. */
export type MultiselectSettings = {
  options: SelectOption[];
  display?: 'checkbox' | 'dropdown';
  minItems?: number;
  maxItems?: number;
};

export const multiselectSettingsSchema: JsonSchema = settingsObject(
  {
    options: optionsSchema,
    display: { enum: ['checkbox', 'dropdown'] },
    minItems: { type: 'integer', minimum: 0, maximum: 1000 },
    maxItems: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  ['options'],
);
