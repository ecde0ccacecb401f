import type { Id } from './ids.js';
import type { JsonValue } from './json.js';
import type { LocalizedText } from './localized.js';
import type { Rule } from './rule.js';

/**
 * The field-type catalogue (Jiandaoyun parity, DESIGN.md §4), by palette group as in Jiandaoyun's designer.
 * One engine module per type. Single/multi variants of member and department are a setting (`multiple`), as are
 * radio/dropdown displays.
 */
export const FIELD_GROUPS = {
  basic: [
    'text',
    'textarea',
    'number',
    'money',
    'percent',
    'rating',
    'date',
    'datetime',
    'select',
    'multiselect',
    'boolean',
  ],
  enhanced: [
    'member',
    'department',
    'phone',
    'email',
    'url',
    'address',
    'location',
    'image',
    'attachment',
    'signature',
    'serial',
  ],
  relation: ['subtable', 'relation', 'lookup', 'rollup', 'formula'],
  system: ['createdBy', 'createdAt', 'updatedAt'],
  layout: ['section', 'description'],
} as const;

export type FieldGroup = keyof typeof FIELD_GROUPS;
export type FieldType = (typeof FIELD_GROUPS)[FieldGroup][number];

/** Every field type, in palette order. */
export const FIELD_TYPES: readonly FieldType[] = Object.values(FIELD_GROUPS).flat();

/**
 * One typed slot of a form. `id` is stable forever; `label` and `key` (API name) are editable.
 * `settings` is validated by the field type's own settings schema (see `fieldSettingsSchemas`).
 */
export type FieldDef = {
  id: Id;
  type: FieldType;
  label: LocalizedText;
  /** API name used by integrations and imports; defaults to the id. Unique per form. */
  key?: string;
  description?: LocalizedText;
  /** Static flags; form logic rules can add to them at run time. */
  required?: boolean;
  readonly?: boolean;
  /** Hidden from the form (still stored). Logic `visible` rules decide run-time visibility. */
  hidden?: boolean;
  /** 查重: no two records of the form may hold equal values. */
  unique?: boolean;
  /** Soft-deleted: hidden everywhere, values kept, restorable. */
  deleted?: boolean;
  /** A static default value, applied on create when the field is empty. */
  defaultValue?: JsonValue;
  /** A default computed on create from other fields and context (JsonLogic). */
  defaultFormula?: Rule;
  settings?: { [key: string]: JsonValue };
};

/** A select option: stable id, editable label, optional colour (CSS hex). */
export type SelectOption = { id: Id; label: LocalizedText; color?: string };
