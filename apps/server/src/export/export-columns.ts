import type { FieldContext, FieldTypeDef, FormAccess } from '@formflow/engine';
import { localize, type FieldDef, type FormDef, type JsonValue } from '@formflow/schema';
import { exportCell, neutralizeFormula, quoteCsvField } from '../import/csv-export.js';
import type { ServerContext } from '../context/server-context.js';

/** One exported column: a readable field, its header in the caller's language, names for member/department ids. */
export type ExportColumn = {
  field: FieldDef;
  def: FieldTypeDef;
  header: string;
  /** Member or department names by id, for fields that hold such ids (the export shows names, not ids). */
  names?: ReadonlyMap<string, string>;
};

/**
 * Formatted numbers (`-1,234.5`, `-¥1,200.50`, `-12%`) of numeric fields, exported unguarded so they stay numbers
 * (the same rule as `formatRecordsCsv` in import/csv-export.ts).
 */
const NUMERIC_TEXT = /^-?[¥$€£]?\d[\d,]*(\.\d+)?%?$/;

const MEMBER_TYPES = new Set(['member', 'createdBy']);

/**
 * The columns of an export: the live top-level fields readable to the caller that hold a value (no section or
 * description), in form order; hidden fields never appear (RELIABILITY H1).
 */
export function exportColumns(
  ctx: ServerContext,
  workspaceId: string,
  form: FormDef,
  access: FormAccess,
  locale: FieldContext['locale'],
): ExportColumn[] {
  const fields = form.fields.filter(
    (f) =>
      f.deleted !== true &&
      access.exportable.has(f.id) &&
      ctx.registry.has(f.type) &&
      ctx.registry.get(f.type).storage !== 'none',
  );
  let members: Map<string, string> | undefined;
  let departments: Map<string, string> | undefined;
  return fields.map((field) => {
    const column: ExportColumn = { field, def: ctx.registry.get(field.type), header: localize(field.label, locale) };
    if (MEMBER_TYPES.has(field.type)) {
      members ??= new Map(ctx.directory.listMembers(workspaceId).map((m) => [m.id, m.name]));
      column.names = members;
    } else if (field.type === 'department') {
      departments ??= new Map(ctx.directory.listDepartments(workspaceId).map((d) => [d.id, d.name]));
      column.names = departments;
    }
    return column;
  });
}

/** The display text of a value: member/department names where known, else the field type's `format`. */
export function cellText(column: ExportColumn, value: JsonValue, fctx: FieldContext): string {
  if (column.names) {
    const ids = Array.isArray(value) ? value : [value];
    if (ids.every((id) => typeof id === 'string')) {
      return (ids as string[]).map((id) => column.names?.get(id) ?? id).join(', ');
    }
  }
  return column.def.format(value, column.field, fctx);
}

function valueOf(data: Readonly<Record<string, JsonValue>>, column: ExportColumn): JsonValue | undefined {
  return Object.hasOwn(data, column.field.id) ? data[column.field.id] : undefined;
}

/** One CSV line (CRLF): text formula-guarded and RFC 4180 quoted; numbers of numeric fields left as numbers (I3). */
export function csvLine(
  columns: readonly ExportColumn[],
  data: Readonly<Record<string, JsonValue>>,
  fctx: FieldContext,
): string {
  const cells = columns.map((column) => {
    const value = valueOf(data, column);
    if (value === undefined || value === null) return '';
    const text = cellText(column, value, fctx);
    if (column.def.storage === 'number' && typeof value === 'number' && NUMERIC_TEXT.test(text)) {
      return quoteCsvField(text);
    }
    return exportCell(text);
  });
  return `${cells.join(',')}\r\n`;
}

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_XLSX_TEXT = 32767;
/** Characters XML 1.0 cannot hold (a workbook containing them does not open). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * One XLSX row: numbers of numeric fields as numeric cells (a negative amount stays a number), everything else as a
 * plain string cell, formula-guarded exactly as CSV text (never a formula cell).
 */
export function xlsxRow(
  columns: readonly ExportColumn[],
  data: Readonly<Record<string, JsonValue>>,
  fctx: FieldContext,
): (string | number | null)[] {
  return columns.map((column) => {
    const value = valueOf(data, column);
    if (value === undefined || value === null) return null;
    if (column.def.storage === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
    const text = neutralizeFormula(cellText(column, value, fctx).replace(XML_INVALID, ''));
    return text.length > MAX_XLSX_TEXT ? text.slice(0, MAX_XLSX_TEXT) : text;
  });
}

/** The XLSX number format of a numeric column (money with two decimals, percent as %), or undefined. */
export function xlsxNumberFormat(column: ExportColumn): string | undefined {
  if (column.field.type === 'money') return '#,##0.00';
  if (column.field.type === 'percent') return '0.00%';
  return undefined;
}
