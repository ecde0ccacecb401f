import { fieldSettingsSchemas } from '@formflow/schema';
import { normalizeText } from '../text/index.js';
import type { FieldTypeDef } from './field-type.js';
import { naturalSortKey } from './support/natural-sort-key.js';
import { TEXT_OPERATORS } from './support/operators.js';

/**
 * 流水号 (system). Value: the string the server issues, gap-free per form: `prefix` + date (`dateFormat`, in the
 * workspace zone) + counter padded to `digits` (e.g. `HT202503010001`). Parse keeps text (migrating old numbers).
 * Sort key is natural (`HT-9` < `HT-10`).
 */
export const serialField: FieldTypeDef = {
  type: 'serial',
  storage: 'text',
  source: 'system',
  settingsSchema: fieldSettingsSchemas.serial,
  valueSchema: () => ({ type: 'string', minLength: 1, maxLength: 100, cleanText: true }),
  defaultValue: () => null,
  parse(text) {
    const t = normalizeText(text.trim());
    if (t === '') return { ok: true, value: null };
    if (t.length > 100) return { ok: false, code: 'TOO_LONG', message: 'a serial number has at most 100 characters' };
    return { ok: true, value: t };
  },
  format: (value) => (typeof value === 'string' ? value : ''),
  sortKey: (value) => (typeof value === 'string' && value !== '' ? naturalSortKey(value) : null),
  operators: TEXT_OPERATORS,
};
