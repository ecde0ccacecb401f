import { fieldSettingsSchemas } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';
import { fileSortKey, formatFileNames, parseFileRefs } from './support/file-refs.js';
import { PRESENCE_OPERATORS } from './support/operators.js';
import { staticDefault } from './support/static-default.js';
import { fileRefSchema } from './support/value-schemas.js';

/** 手写签名. Value: one file ref `{ id, name, size, mime }` (a PNG drawn on the form). */
export const signatureField: FieldTypeDef = {
  type: 'signature',
  storage: 'json',
  source: 'user',
  settingsSchema: fieldSettingsSchemas.signature,
  valueSchema: () => fileRefSchema(),
  defaultValue: staticDefault,
  parse: (text) => parseFileRefs(text, true),
  format: formatFileNames,
  sortKey: fileSortKey,
  operators: PRESENCE_OPERATORS,
};
