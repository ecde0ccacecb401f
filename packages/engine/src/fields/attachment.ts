import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { fileRefsOf, fileSortKey, formatFileNames, parseFileRefs } from './support/file-refs.js';
import { PRESENCE_OPERATORS } from './support/operators.js';
import { numberSetting } from './support/settings.js';
import { staticDefault } from './support/static-default.js';
import { fileRefSchema } from './support/value-schemas.js';

/** Default file count limit of attachment and image fields. */
export const DEFAULT_MAX_FILES = 20;

/** Value schema of a file list: 1..maxFiles refs, each at most `maxSizeMb`. Accepted types are checked on upload. */
export function fileListSchema(field: Parameters<FieldTypeDef['valueSchema']>[0]) {
  const maxSizeMb = numberSetting(field, 'maxSizeMb');
  return {
    type: 'array',
    items: fileRefSchema(maxSizeMb === undefined ? undefined : Math.floor(maxSizeMb * 1024 * 1024)),
    minItems: 1,
    maxItems: numberSetting(field, 'maxFiles') ?? DEFAULT_MAX_FILES,
  };
}

/** 附件. Value: file refs `{ id, name, size, mime }[]` (uploaded first). Format: names joined. */
export const attachmentField: FieldTypeDef = {
  type: 'attachment',
  storage: 'json',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.attachment,
  valueSchema: fileListSchema,
  defaultValue: staticDefault,
  parse: (text) => parseFileRefs(text, false),
  format: formatFileNames,
  sortKey: fileSortKey,
  operators: PRESENCE_OPERATORS,
  normalize: (value) => (Array.isArray(value) ? fileRefsOf(value) : value),
};
