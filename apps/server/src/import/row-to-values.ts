import { validateRecord, type FieldContext, type FieldRegistry, type LogicContext } from '@formflow/engine';
import { localize, type FormDef, type JsonValue } from '@formflow/schema';
import type { HeaderMap } from './header-map.js';
import type { LocalizedMessage } from './import-error.js';

/** One problem of one data row. `column` is the header text ('' for a row-level or unmapped-field problem). */
export type RowError = { column: string; fieldId?: string; code: string; message: LocalizedMessage };

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
};

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Parses each cell with its field type's `parse`, then validates the row as a new record (create mode). */
export function rowToValues(cells: readonly string[], row: number, rc: RowContext): RowResult {
  const { headers, fields } = rc.header;
  if (cells.length !== headers.length) {
    const message = {
      'zh-CN': `第 ${row} 行有 ${cells.length} 个单元格，表头有 ${headers.length} 列`,
      en: `Row ${row} has ${cells.length} cells but the header has ${headers.length} columns`,
    };
    return { row, ok: false, errors: [{ column: '', code: 'RAGGED_ROW', message }] };
  }
  // A null-prototype bag: no cell or header can reach Object.prototype (RELIABILITY A4).
  const values = Object.create(null) as Record<string, JsonValue>;
  const errors: RowError[] = [];
  const columnOf = new Map<string, string>();
  fields.forEach((field, i) => {
    if (!field) return;
    const column = headers[i] ?? '';
    columnOf.set(field.id, column);
    const parsed = rc.registry.get(field.type).parse(cells[i] ?? '', field, rc.ctx);
    if (!parsed.ok) {
      const label = localize(field.label, 'zh-CN');
      const message = {
        'zh-CN': `第 ${row} 行“${column}”：无法将“${clip(cells[i] ?? '')}”识别为${label}（${parsed.code}）`,
        en: `Row ${row}, column "${column}": ${parsed.message}`,
      };
      errors.push({ column, fieldId: field.id, code: parsed.code, message });
    } else if (parsed.value !== null) {
      values[field.id] = parsed.value;
    }
  });
  if (errors.length > 0) return { row, ok: false, errors };
  const data: Record<string, JsonValue> = Object.fromEntries(Object.entries(values));
  const result = validateRecord(rc.form, data, {
    registry: rc.registry,
    mode: 'create',
    ...(rc.writableFieldIds ? { writableFieldIds: rc.writableFieldIds } : {}),
    ...(rc.logic ? { context: rc.logic } : {}),
  });
  if (result.ok) return { row, ok: true, values: result.values };
  return {
    row,
    ok: false,
    errors: result.errors.map((e) => {
      const column = (e.fieldId !== null ? columnOf.get(e.fieldId) : undefined) ?? '';
      const message = {
        'zh-CN': `第 ${row} 行${column ? `“${column}”` : ''}：${e.message['zh-CN']}`,
        en: `Row ${row}${column ? `, column "${column}"` : ''}: ${e.message.en}`,
      };
      return { column, ...(e.fieldId !== null ? { fieldId: e.fieldId } : {}), code: e.code, message };
    }),
  };
}
