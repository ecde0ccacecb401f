import type { FieldDef, SelectOption } from '@formflow/schema';
import type { FormRecord } from '../../api/types.js';
import { formatValue, type FormatLookups } from '../../runtime/format-value.js';
import { localized } from '../../ui/localized.js';

const INSTANT_TYPES = new Set(['datetime', 'createdAt', 'updatedAt']);

/** A cell's value: the record's data, or for system fields the record's own columns when data lacks them. */
export function cellValue(field: FieldDef, record: FormRecord): unknown {
  const value = record.data[field.id];
  if (value !== undefined && value !== null) return value;
  if (field.type === 'createdAt') return record.createdAt;
  if (field.type === 'updatedAt') return record.updatedAt;
  if (field.type === 'createdBy') return record.createdBy;
  return value;
}

let instantFormat: Intl.DateTimeFormat | null = null;
let instantLocale = '';

/** A cell as text (never HTML): date-times in the viewer's zone, everything else through formatValue. */
export function cellText(field: FieldDef, record: FormRecord, lookups: FormatLookups, locale: string): string {
  const value = cellValue(field, record);
  if (INSTANT_TYPES.has(field.type) && typeof value === 'string') {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    if (!instantFormat || instantLocale !== locale) {
      instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
      instantLocale = locale;
    }
    return instantFormat.format(date);
  }
  return formatValue(field, value, lookups);
}

/** Default column width by field type. */
export function defaultWidth(field: FieldDef): number {
  switch (field.type) {
    case 'textarea':
    case 'address':
    case 'subtable':
      return 240;
    case 'number':
    case 'money':
    case 'percent':
    case 'rating':
    case 'boolean':
    case 'serial':
      return 120;
    case 'date':
      return 130;
    case 'datetime':
    case 'createdAt':
    case 'updatedAt':
      return 170;
    default:
      return 180;
  }
}

const NUMERIC = new Set(['number', 'money', 'percent', 'rating', 'rollup']);
export const isNumericField = (field: FieldDef) => NUMERIC.has(field.type);

/** Which directory lists the columns need to show names (members for member / createdBy, departments). */
export function lookupsNeeded(fields: readonly FieldDef[]): { members: boolean; departments: boolean } {
  return {
    members: fields.some((f) => f.type === 'member' || f.type === 'createdBy'),
    departments: fields.some((f) => f.type === 'department'),
  };
}

/** An option colour when it is a plain hex colour (#rgb or #rrggbb, normalised to #rrggbb); never other CSS text. */
export function optionColor(color: unknown): string | undefined {
  if (typeof color !== 'string') return undefined;
  if (/^#[0-9a-fA-F]{6}$/.test(color)) return color;
  if (/^#[0-9a-fA-F]{3}$/.test(color)) return `#${[...color.slice(1)].map((c) => c + c).join('')}`;
  return undefined;
}

export type CellTag = { id: string; label: string; color?: string };

/**
 * A select / multiselect cell as tags (label in the UI language, the option's colour); null for other fields and for
 * empty values. An id no option names shows as it is (as the engine's text format does).
 */
export function cellTags(field: FieldDef, record: FormRecord): CellTag[] | null {
  if (field.type !== 'select' && field.type !== 'multiselect') return null;
  const value = record.data[field.id];
  const list = field.type === 'select' ? (typeof value === 'string' ? [value] : []) : Array.isArray(value) ? value : [];
  const ids = list.filter((v) => v !== null && v !== undefined && v !== '').map(String);
  if (ids.length === 0) return null;
  const options = Array.isArray(field.settings?.['options']) ? (field.settings['options'] as SelectOption[]) : [];
  return ids.map((id) => {
    const option = options.find((o) => o.id === id);
    const color = optionColor(option?.color);
    return { id, label: option ? localized(option.label) || id : id, ...(color ? { color } : {}) };
  });
}
