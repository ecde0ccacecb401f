import type { Id } from '../ids.js';
import type { JsonSchema } from '../json-schema.js';
import { idSchema, settingsObject } from './common.js';

/** Settings of `lookup`: shows field `field` of the record linked by relation field `relationField`. */
export type LookupSettings = { relationField: Id; field: Id };

export const lookupSettingsSchema: JsonSchema = settingsObject({ relationField: idSchema, field: idSchema }, [
  'relationField',
  'field',
]);
