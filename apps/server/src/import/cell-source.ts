import { createReadStream, statSync } from 'node:fs';
import type { CsvEncoding } from './decode-csv.js';
import type { CsvDelimiter } from './detect-delimiter.js';
import { CsvImportError } from './import-error.js';
import { csvRecords } from './parse-csv-import.js';
import { xlsxRecords } from './xlsx-records.js';

export type ImportFormat = 'csv' | 'xlsx';

/** An uploaded file opened as a header and batches of data rows of cell text, whatever its format. */
export type CellSource = {
  header: string[];
  /** Batches of data rows, in file order (the header is not among them). */
  rows: AsyncGenerator<string[][]>;
  encoding: CsvEncoding | null;
  delimiter: CsvDelimiter | null;
  /** Share of the file read so far, 0–1 (bytes; compressed bytes for .xlsx). */
  fraction(): number;
  /** Stops reading and releases the file (for a consumer that stops early). */
  close(): Promise<void>;
};

export type CellSourceOptions = {
  encoding?: 'utf-8' | 'gb18030' | 'latin1';
  delimiter?: CsvDelimiter;
  maxColumns: number;
  maxBytes?: number;
};

function noHeader(): CsvImportError {
  return new CsvImportError('NO_COLUMNS', { 'zh-CN': '文件没有表头行', en: 'The file has no header row' });
}

/** Opens a CSV or .xlsx file and reads up to its header row. File-level problems throw `CsvImportError`. */
export async function openCellSource(
  path: string,
  format: ImportFormat,
  options: CellSourceOptions,
): Promise<CellSource> {
  const size = Math.max(statSync(path).size, 1);
  let bytes = 0;
  let encoding: CsvEncoding | null = null;
  let delimiter: CsvDelimiter | null = null;
  const records =
    format === 'xlsx'
      ? xlsxRecords(path, { maxColumns: options.maxColumns, onBytes: (n) => (bytes = n) })
      : csvRecords(createReadStream(path, { highWaterMark: 256 * 1024 }), {
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.delimiter ? { delimiter: options.delimiter } : {}),
          ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
          onBytes: (n) => (bytes = n),
          onEncoding: (e) => (encoding = e),
          onDelimiter: (d) => (delimiter = d),
        });
  let first: string[][] | undefined;
  try {
    for (;;) {
      const next = await records.next();
      if (next.done) throw noHeader();
      if (next.value.length > 0) {
        first = next.value;
        break;
      }
    }
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
  const header = first[0] ?? [];
  if (header.length > options.maxColumns) {
    await records.return(undefined);
    throw new CsvImportError(
      'TOO_MANY_COLUMNS',
      {
        'zh-CN': `表头有 ${header.length} 列，超过 ${options.maxColumns} 列的上限`,
        en: `The header has ${header.length} columns, more than ${options.maxColumns}`,
      },
      { columns: header.length, maxColumns: options.maxColumns },
    );
  }
  const rest = first.slice(1);
  async function* rows(): AsyncGenerator<string[][]> {
    if (rest.length > 0) yield rest;
    yield* records;
  }
  return {
    header,
    rows: rows(),
    encoding,
    delimiter,
    fraction: () => Math.min(1, bytes / size),
    close: async () => {
      await records.return(undefined);
    },
  };
}

export { countCsvRows } from './count-csv-rows.js';
