import type { FieldDef } from '@formflow/schema';
import type { FormRecord } from '../../api/types.js';
import { formatValue, type FormatLookups } from '../../runtime/format-value.js';

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
