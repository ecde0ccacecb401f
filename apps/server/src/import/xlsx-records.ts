import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { CsvImportError } from './import-error.js';

export type XlsxRecordOptions = {
  /** Most columns in the header (TOO_MANY_COLUMNS beyond). */
  maxColumns: number;
  /** Rows per yielded batch. */
  batchRows?: number;
  /** Called with the compressed bytes read so far. */
  onBytes?: (bytesRead: number) => void;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Excel keeps no time zone: exceljs gives a date cell as the Date whose UTC fields are the wall-clock values shown in
 * Excel. A midnight gives `YYYY-MM-DD` (what a date field reads); otherwise `YYYY-MM-DD HH:mm:ss`, which a date-time
 * field reads in the importer's zone.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A cell as the text a field type's `parse` reads: numbers as numbers, dates as above, formulas by their result. */
export function xlsxCellText(value: unknown, depth = 0): string {
  if (value === null || value === undefined || depth > 4) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell['richText'])) {
    return (cell['richText'] as unknown[])
      .map((run) => xlsxCellText((run as { text?: unknown })?.text, depth + 1))
      .join('');
  }
  if ('formula' in cell || 'sharedFormula' in cell) return xlsxCellText(cell['result'], depth + 1);
  if ('error' in cell) return String(cell['error']);
  if ('text' in cell) return xlsxCellText(cell['text'], depth + 1);
  return '';
}

function tooManyColumns(count: number, max: number): CsvImportError {
  return new CsvImportError(
    'TOO_MANY_COLUMNS',
    { 'zh-CN': `表头有 ${count} 列，超过 ${max} 列的上限`, en: `The header has ${count} columns, more than ${max}` },
    { columns: count, maxColumns: max },
  );
}

/**
 * Streams the first worksheet of an .xlsx (exceljs' streaming reader: shared strings and styles are cached, the
 * sheet itself is never held whole) as batches of records of cell text; the first record is the header (trailing
 * empty header cells dropped). Data rows are cut or padded to the header's width; a row with text beyond it keeps
 * its extra cells (so it is reported as ragged). Blank rows are skipped.
 */
export async function* xlsxRecords(path: string, options: XlsxRecordOptions): AsyncGenerator<string[][]> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const batchRows = options.batchRows ?? 500;
  let width = -1;
  let batch: string[][] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
        if (width < 0) {
          while (cells.length > 0 && cells[cells.length - 1]?.trim() === '') cells.pop();
          if (cells.length === 0) continue;
          if (cells.length > options.maxColumns) throw tooManyColumns(cells.length, options.maxColumns);
          width = cells.length;
        } else {
          if (cells.every((c) => c.trim() === '')) continue;
          let last = cells.length;
          while (last > width && cells[last - 1]?.trim() === '') last--;
          cells.length = last;
          while (cells.length < width) cells.push('');
        }
        batch.push(cells);
        if (batch.length >= batchRows) {
          yield batch;
          batch = [];
        }
      }
      break; // the first worksheet only
    }
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof CsvImportError) throw error;
    throw new CsvImportError('INVALID_XLSX', {
      'zh-CN': '无法读取该 Excel 工作簿，文件可能已损坏',
      en: 'The Excel workbook cannot be read; the file may be damaged',
    });
  } finally {
    stream.destroy();
  }
}
