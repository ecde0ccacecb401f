import type { FieldType } from '@formflow/schema';

/** Small unicode icons of the palette (no icon library). */
export const FIELD_ICONS: Record<FieldType, string> = {
  text: 'T',
  textarea: '¶',
  number: '#',
  money: '¥',
  percent: '%',
  rating: '★',
  date: '▦',
  datetime: '◷',
  select: '◉',
  multiselect: '☑',
  boolean: '◐',
  member: '☺',
  department: '⌂',
  phone: '☎',
  email: '@',
  url: '↗',
  address: '⚲',
  location: '◎',
  image: '▣',
  attachment: '⊡',
  signature: '✎',
  serial: '№',
  subtable: '▤',
  relation: '⇄',
  lookup: '⌕',
  rollup: 'Σ',
  formula: 'ƒ',
  createdBy: '☻',
  createdAt: '◴',
  updatedAt: '↻',
  section: '―',
  description: '❝',
};

/** Types whose values may be unique (查重). */
export const UNIQUE_TYPES: readonly FieldType[] = [
  'text',
  'number',
  'money',
  'phone',
  'email',
  'url',
  'date',
  'datetime',
];

/** Types the engine computes or the server fills: no required flag, no default. */
export const COMPUTED_TYPES: readonly FieldType[] = [
  'formula',
  'lookup',
  'rollup',
  'serial',
  'createdBy',
  'createdAt',
  'updatedAt',
];

/** Layout-only types: no value at all. */
export const LAYOUT_TYPES: readonly FieldType[] = ['section', 'description'];

/** Types a static default value can be typed for in the property panel. */
export const DEFAULT_VALUE_TYPES: readonly FieldType[] = [
  'text',
  'textarea',
  'number',
  'money',
  'percent',
  'rating',
  'date',
  'select',
  'multiselect',
  'boolean',
  'phone',
  'email',
  'url',
];

/** Types a stored field may change into through the type-change route (values kept by conversion). */
export const CONVERTIBLE_TYPES: readonly FieldType[] = [
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
  'member',
  'department',
  'phone',
  'email',
  'url',
];
