import type { FieldContext, FieldRegistry } from '@formflow/engine';
import { localize, type FieldDef, type FormDef, type JsonValue } from '@formflow/schema';

/** A cell to export: text (formula-guarded) or a number (written as is). */
export type CsvCell = string | number | null | undefined;

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/** RFC 4180: quotes a field holding a delimiter, quote, CR or LF (inner quotes doubled). */
export function quoteCsvField(text: string, delimiter = ','): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Text that a spreadsheet would run as a formula gets a leading `'` (RELIABILITY I3, OWASP ASVS V1.2.10). */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text.charAt(0)) ? `'${text}` : text;
}

/** One text cell, safe to open in Excel: formula-guarded, then RFC 4180 quoted. */
export function exportCell(value: string): string {
  return quoteCsvField(neutralizeFormula(value));
}

/** One row, CRLF-terminated: strings are guarded, finite numbers written as numbers, null/undefined empty. */
export function formatCsvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(cellText).join(',')}\r\n`;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return exportCell(cell);
}

/** Formatted numbers (`-1,234.5`, `-¥1,200.50`, `-12%`) that are exported unguarded from numeric fields. */
const NUMERIC_TEXT = /^-?[¥$€£]?\d[\d,]*(\.\d+)?%?$/;

export type FormatRecordsOptions = {
  /** Columns, in order (default: every live field that holds a value). */
  fieldIds?: readonly string[];
  /** Header text: the label in `ctx.locale` (default) or the API key (else id), which re-import matches. */
  header?: 'label' | 'key';
  /** Prepend the UTF-8 BOM (default true). */
  bom?: boolean;
};

/**
 * A CSV export of records: each value formatted with its field type's `format` in `ctx`, text guarded against
 * formula injection, numbers of numeric fields left unguarded so they stay numbers.
 */
export function formatRecordsCsv(
  form: FormDef,
  registry: FieldRegistry,
  records: Iterable<{ data: Readonly<Record<string, JsonValue>> }>,
  ctx: FieldContext,
  options: FormatRecordsOptions = {},
): string {
  const fields = pickFields(form, registry, options.fieldIds);
  const head = fields.map((f) => (options.header === 'key' ? (f.key ?? f.id) : localize(f.label, ctx.locale)));
  const parts: string[] = [options.bom === false ? '' : CSV_BOM, formatCsvRow(head)];
  for (const record of records) {
    const cells = fields.map((field) => {
      const value = Object.hasOwn(record.data, field.id) ? record.data[field.id] : undefined;
      if (value === undefined || value === null) return '';
      const def = registry.get(field.type);
      const text = def.format(value, field, ctx);
      if (def.storage === 'number' && typeof value === 'number' && NUMERIC_TEXT.test(text)) return quoteCsvField(text);
      return exportCell(text);
    });
    parts.push(`${cells.join(',')}\r\n`);
  }
  return parts.join('');
}

function pickFields(form: FormDef, registry: FieldRegistry, ids: readonly string[] | undefined): FieldDef[] {
  const live = form.fields.filter((f) => f.deleted !== true && registry.get(f.type).storage !== 'none');
  if (!ids) return live;
  const byId = new Map(live.map((f) => [f.id, f]));
  return ids.map((id) => {
    const field = byId.get(id);
    if (!field) throw new Error(`formatRecordsCsv: unknown field "${id}"`);
    return field;
  });
}
