import type { ImportPreview } from '../api/types.js';

export type Mapping = Record<string, string | null>;
type PreviewRow = ImportPreview['rows'][number];
type RowError = PreviewRow['errors'][number];

/** The mapping a preview proposes, with columns that cannot be imported (read-only, file fields) set to skip. */
export function initialMapping(preview: ImportPreview): Mapping {
  const mapping: Mapping = {};
  for (const column of preview.columns) mapping[column.column] = column.error ? null : column.fieldId;
  return mapping;
}

/** True when the mapping differs from what the preview was computed with. */
export function mappingChanged(preview: ImportPreview, mapping: Mapping): boolean {
  return preview.columns.some((column) => (mapping[column.column] ?? null) !== column.fieldId);
}

/**
 * A row's errors placed on its cells: `byColumn[i]` are the messages of the i-th column; `other` are those tied to no
 * imported column (a required field without a column, a form-level rule).
 */
export function placeRowErrors(
  row: PreviewRow,
  headers: readonly string[],
  mapping: Mapping,
): { byColumn: Map<number, RowError[]>; other: RowError[] } {
  const byColumn = new Map<number, RowError[]>();
  const other: RowError[] = [];
  for (const error of row.errors) {
    let index = error.column !== undefined ? headers.indexOf(error.column) : -1;
    if (index < 0 && error.fieldId) index = headers.findIndex((header) => mapping[header] === error.fieldId);
    if (index < 0) other.push(error);
    else byColumn.set(index, [...(byColumn.get(index) ?? []), error]);
  }
  return { byColumn, other };
}

/** Required fields of the form that no column goes to. */
export function missingRequired(preview: ImportPreview, mapping: Mapping): ImportPreview['fields'] {
  const mapped = new Set(Object.values(mapping).filter((value): value is string => Boolean(value)));
  return preview.fields.filter((field) => field.required && !mapped.has(field.id));
}

/** Unique (查重) fields that have a column: the possible dedupe keys. */
export function dedupeCandidates(preview: ImportPreview, mapping: Mapping): ImportPreview['fields'] {
  const mapped = new Set(Object.values(mapping).filter((value): value is string => Boolean(value)));
  return preview.fields.filter((field) => field.unique && mapped.has(field.id));
}

/** How an encoding is named to people. */
export function encodingName(encoding: string | null): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'gb18030':
      return 'GB18030';
    case 'latin1':
      return 'Latin-1';
    case 'utf-16le':
      return 'UTF-16LE';
    default:
      return encoding ?? '—';
  }
}

/** The i18n key naming a delimiter. */
export function delimiterKey(delimiter: string | null): 'comma' | 'semicolon' | 'tab' | null {
  if (delimiter === ',') return 'comma';
  if (delimiter === ';') return 'semicolon';
  if (delimiter === '\t') return 'tab';
  return null;
}

/** `31 s`, `2 min 5 s`, `1 h 3 min` in the UI language (Intl units). */
export function formatDuration(seconds: number, language: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return unit(total, 'second');
  if (total < 3600) {
    const rest = total % 60;
    return rest ? `${unit(Math.floor(total / 60), 'minute')} ${unit(rest, 'second')}` : unit(total / 60, 'minute');
  }
  const minutes = Math.round((total % 3600) / 60);
  const hours = Math.floor(total / 3600);
  return minutes ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
}

export const TERMINAL_STATUSES = new Set(['succeeded', 'failed', 'cancelled']);
