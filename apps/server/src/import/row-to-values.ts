import {
  validateRecord,
  type FieldContext,
  type FieldRegistry,
  type LogicContext,
  type ParseResult,
} from '@formflow/engine';
import { localize, type FormDef, type JsonValue } from '@formflow/schema';
import type { HeaderMap } from './header-map.js';
import type { LocalizedMessage } from './import-error.js';

/**
 * One problem of one data row. `column` is the header text ('' for a row-level or unmapped-field problem); `value`
 * is the cell text (clipped), when the problem is about one cell.
 */
export type RowError = { column: string; fieldId?: string; code: string; value?: string; message: LocalizedMessage };

/** The outcome of one data row; `row` is 1-based and counts data rows (the header is not a row). */
export type RowResult =
  { row: number; ok: true; values: Record<string, JsonValue> } | { row: number; ok: false; errors: RowError[] };

export type RowContext = {
  form: FormDef;
  registry: FieldRegistry;
  ctx: FieldContext;
  header: HeaderMap;
  writableFieldIds?: ReadonlySet<string>;
  logic?: LogicContext;
  /** Per-column caches of parse results (see `createParseMemo`). */
  memo?: ParseMemo;
};

/** Cells per column whose parse result is remembered: low-cardinality columns (options, dates) parse once. */
const MEMO_ENTRIES = 4096;

/** A column's cache; dropped (null) once it is full and hits under half the lookups (unique-ish text). */
type ColumnMemo = { results: Map<string, ParseResult>; lookups: number; hits: number } | null;

/** One cache per column: a field type's `parse` is a pure function of (text, field, context). */
export type ParseMemo = ColumnMemo[];

export function createParseMemo(header: HeaderMap): ParseMemo {
  return header.fields.map(() => ({ results: new Map<string, ParseResult>(), lookups: 0, hits: 0 }));
}

function remembered(memo: ParseMemo | undefined, i: number, text: string): ParseResult | undefined {
  const column = memo?.[i];
  if (!column) return undefined;
  column.lookups++;
  const hit = column.results.get(text);
  if (hit) {
    column.hits++;
    return hit;
  }
  if (column.results.size >= MEMO_ENTRIES && column.hits * 2 < column.lookups) memo[i] = null;
  return undefined;
}

function remember(memo: ParseMemo | undefined, i: number, text: string, parsed: ParseResult): void {
  const column = memo?.[i];
  // Only results that cannot be shared by mistake: errors and primitive values (arrays/objects are per row).
  if (!column || column.results.size >= MEMO_ENTRIES) return;
  if (parsed.ok && parsed.value !== null && typeof parsed.value === 'object') return;
  column.results.set(text, parsed);
}

/** The cell text as shown in an error report: at most 100 characters. */
export function clipCell(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Parses each mapped cell with its field type's `parse`. Empty cells give no value. */
export function parseCells(cells: readonly string[], row: number, rc: RowContext): RowResult {
  const { headers, fields } = rc.header;
  if (cells.length !== headers.length) {
    const message = {
      'zh-CN': `第 ${row} 行有 ${cells.length} 个单元格，表头有 ${headers.length} 列`,
      en: `Row ${row} has ${cells.length} cells but the header has ${headers.length} columns`,
    };
    return { row, ok: false, errors: [{ column: '', code: 'RAGGED_ROW', message }] };
  }
  // Keys are field ids of the form (identifiers that can never be `__proto__` or `constructor`), never header or
  // cell text, so no file can reach Object.prototype (RELIABILITY A4).
  const values: Record<string, JsonValue> = {};
  let errors: RowError[] | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!field) continue;
    const text = cells[i] ?? '';
    let parsed = remembered(rc.memo, i, text);
    if (!parsed) {
      parsed = rc.registry.get(field.type).parse(text, field, rc.ctx);
      remember(rc.memo, i, text, parsed);
    }
    if (!parsed.ok) {
      const column = headers[i] ?? '';
      const label = localize(field.label, 'zh-CN');
      const message = {
        'zh-CN': `第 ${row} 行“${column}”：无法将“${clip(text)}”识别为${label}（${parsed.code}）`,
        en: `Row ${row}, column "${column}": ${parsed.message}`,
      };
      (errors ??= []).push({ column, fieldId: field.id, code: parsed.code, value: clipCell(text), message });
    } else if (parsed.value !== null) {
      values[field.id] = parsed.value;
    }
  }
  if (errors) return { row, ok: false, errors };
  return { row, ok: true, values };
}

/**
 * Validates parsed values with the engine's `validateRecord` (the one validation of every write): as a new record
 * (`create`), or as a patch over `existing` (`update`). Errors name the row, the column and the cell.
 */
export function validateRow(
  values: Record<string, JsonValue>,
  row: number,
  cells: readonly string[],
  rc: RowContext,
  existing?: Readonly<Record<string, JsonValue>>,
): RowResult {
  const result = validateRecord(rc.form, values, {
    registry: rc.registry,
    mode: existing ? 'update' : 'create',
    ...(existing ? { existing } : {}),
    ...(rc.writableFieldIds ? { writableFieldIds: rc.writableFieldIds } : {}),
    ...(rc.logic ? { context: rc.logic } : {}),
  });
  if (result.ok) return { row, ok: true, values: result.values };
  const { headers, fields } = rc.header;
  return {
    row,
    ok: false,
    errors: result.errors.map((e) => {
      const index = e.fieldId === null ? -1 : fields.findIndex((f) => f?.id === e.fieldId);
      const column = index >= 0 ? (headers[index] ?? '') : '';
      const message = {
        'zh-CN': `第 ${row} 行${column ? `“${column}”` : ''}：${e.message['zh-CN']}`,
        en: `Row ${row}${column ? `, column "${column}"` : ''}: ${e.message.en}`,
      };
      return {
        column,
        ...(e.fieldId !== null ? { fieldId: e.fieldId } : {}),
        code: e.code,
        ...(index >= 0 ? { value: clipCell(cells[index] ?? '') } : {}),
        message,
      };
    }),
  };
}

/** Parses each cell with its field type's `parse`, then validates the row as a new record (create mode). */
export function rowToValues(cells: readonly string[], row: number, rc: RowContext): RowResult {
  const parsed = parseCells(cells, row, rc);
  return parsed.ok ? validateRow(parsed.values, row, cells, rc) : parsed;
}
