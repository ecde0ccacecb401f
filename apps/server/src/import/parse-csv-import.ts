import type { FieldContext, FieldRegistry, LogicContext } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import { CsvTokenizer } from './csv-tokenizer.js';
import { decodeCsvStream, SNIFF_BYTES, type CsvEncoding, type DecodeOptions } from './decode-csv.js';
import { detectDelimiter, type CsvDelimiter } from './detect-delimiter.js';
import { mapHeader, type HeaderMapOptions } from './header-map.js';
import { CsvImportError } from './import-error.js';
import { createParseMemo, rowToValues, type RowResult } from './row-to-values.js';

/** Bytes of an upload: a Node Readable or any async iterable of chunks. */
export type CsvSource = AsyncIterable<Uint8Array | string>;

/** What the header row turned out to be, reported once before the first row. */
export type CsvHeaderInfo = {
  headers: readonly string[];
  /** The field id of each column, or null for an ignored column. */
  fieldIds: readonly (string | null)[];
  unknownColumns: readonly string[];
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
};

export type ParseCsvImportOptions = DecodeOptions &
  HeaderMapOptions & {
    form: FormDef;
    registry: FieldRegistry;
    ctx: FieldContext;
    /** Detected from the header line when absent. */
    delimiter?: CsvDelimiter;
    /** Data rows allowed (TOO_MANY_ROWS beyond). */
    maxRows?: number;
    /** `$member`/`$now` for defaults and logic during validation. */
    logic?: LogicContext;
    onHeader?: (info: CsvHeaderInfo) => void;
  };

export type CsvRecordOptions = DecodeOptions & {
  delimiter?: CsvDelimiter;
  /** Called once the delimiter is known (given or detected from the first line). */
  onDelimiter?: (delimiter: CsvDelimiter) => void;
};

/**
 * Streams a CSV upload as batches of records (arrays of cells), the header being the first record: bytes are
 * decoded (see `decodeCsvStream`), the delimiter is detected from the first line unless given, and `CsvTokenizer`
 * splits the text. One batch per decoded chunk, so a consumer awaits once per chunk, not once per row.
 */
export async function* csvRecords(source: CsvSource, options: CsvRecordOptions = {}): AsyncGenerator<string[][]> {
  const text = decodeCsvStream(source, options);
  let tokenizer: CsvTokenizer | undefined;
  let head = '';
  for await (const chunk of text) {
    if (!tokenizer) {
      head += chunk;
      if (!options.delimiter && !/[\r\n]/.test(head) && head.length < SNIFF_BYTES) continue;
      const delimiter = options.delimiter ?? detectDelimiter(head);
      options.onDelimiter?.(delimiter);
      tokenizer = new CsvTokenizer(delimiter);
      const records = tokenizer.push(head);
      head = '';
      if (records.length > 0) yield records;
      continue;
    }
    const records = tokenizer.push(chunk);
    if (records.length > 0) yield records;
  }
  if (!tokenizer) {
    const delimiter = options.delimiter ?? detectDelimiter(head);
    options.onDelimiter?.(delimiter);
    tokenizer = new CsvTokenizer(delimiter);
    const records = tokenizer.push(head);
    if (records.length > 0) yield records;
  }
  const last = tokenizer.end();
  if (last.length > 0) yield last;
}

/**
 * Streams a CSV upload into validated row results, one per data row, never holding the whole file: records come from
 * `csvRecords`, are mapped to fields by the header and checked with the engine. File-level problems throw
 * `CsvImportError`; row problems are results with `ok: false`.
 */
export async function* parseCsvImport(
  source: CsvSource,
  options: ParseCsvImportOptions,
): AsyncGenerator<RowResult, void, undefined> {
  let encoding: CsvEncoding = 'utf-8';
  let delimiter: CsvDelimiter = options.delimiter ?? ',';
  const records = csvRecords(source, {
    ...options,
    onEncoding: (e) => {
      encoding = e;
      options.onEncoding?.(e);
    },
    onDelimiter: (d) => {
      delimiter = d;
    },
  });
  let header: ReturnType<typeof mapHeader> | undefined;
  let memo: ReturnType<typeof createParseMemo> | undefined;
  let row = 0;
  for await (const batch of records) {
    for (const cells of batch) {
      if (!header) {
        header = mapHeader(cells, options.form, options.registry, options);
        memo = createParseMemo(header);
        if (!header.fields.some((f) => f !== null)) {
          throw new CsvImportError('NO_COLUMNS', {
            'zh-CN': '表头中没有与表单字段对应的列',
            en: 'No column of the header matches a field of the form',
          });
        }
        options.onHeader?.({
          headers: header.headers,
          fieldIds: header.fields.map((f) => f?.id ?? null),
          unknownColumns: header.unknownColumns,
          delimiter,
          encoding,
        });
        continue;
      }
      row += 1;
      if (options.maxRows !== undefined && row > options.maxRows) throw tooManyRows(options.maxRows);
      yield rowToValues(cells, row, { ...options, header, ...(memo ? { memo } : {}) });
    }
  }
  if (!header) {
    throw new CsvImportError('NO_COLUMNS', { 'zh-CN': '文件没有表头行', en: 'The file has no header row' });
  }
}

export function tooManyRows(maxRows: number): CsvImportError {
  return new CsvImportError(
    'TOO_MANY_ROWS',
    { 'zh-CN': `超过 ${maxRows} 行的上限`, en: `More than the limit of ${maxRows} rows` },
    { maxRows },
  );
}
