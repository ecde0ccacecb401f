import type { FieldType, FilterOperator, JsonValue } from '@formflow/schema';
import { fieldSettingsSchemas } from '@formflow/schema';
import { splitList } from '../../parse/split-list.js';
import { foldText, normalizeText } from '../../text/index.js';
import type { FieldTypeDef, ValueSource } from '../field-type.js';
import { booleanSetting } from './settings.js';
import { staticDefault } from './static-default.js';
import { idValueSchema } from './value-schemas.js';

function ids(value: JsonValue): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Builds a type whose value references other entities by id: one id, or a unique id list when `settings.multiple`.
 * Parse returns the text as given (trimmed, NFC; split into a list when multiple) WITHOUT resolving it: the server
 * maps names, emails or phone numbers to ids before validation, since the engine has no directory.
 * Format shows the ids; the web and exports replace them with names.
 */
export function createReferenceField(
  type: Extract<FieldType, 'member' | 'department' | 'relation' | 'createdBy'>,
  operators: readonly FilterOperator[],
  source: ValueSource = 'user',
): FieldTypeDef {
  const multipleOf = (field: Parameters<FieldTypeDef['valueSchema']>[0]) =>
    type !== 'createdBy' && booleanSetting(field, 'multiple');
  return {
    type,
    storage: 'reference',
    source,
    settingsSchema: fieldSettingsSchemas[type],
    valueSchema: (field) => idValueSchema(multipleOf(field)),
    defaultValue: staticDefault,
    parse(text, field) {
      const t = normalizeText(text.trim());
      if (t === '') return { ok: true, value: null };
      if (!multipleOf(field)) return { ok: true, value: t };
      return { ok: true, value: [...new Set(splitList(t))] };
    },
    format: (value) => ids(value).join(', '),
    sortKey(value) {
      const list = ids(value);
      return list.length === 0 ? null : foldText(list.join(','));
    },
    operators,
    normalize: (value) => (Array.isArray(value) ? [...new Set(value)] : value),
  };
}
