import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FieldContext, FieldRegistry, LogicContext } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import { CsvError, parse } from 'csv-parse';
import { decodeCsvStream, SNIFF_BYTES, type CsvEncoding, type DecodeOptions } from './decode-csv.js';
import { detectDelimiter, type CsvDelimiter } from './detect-delimiter.js';
import { mapHeader, type HeaderMapOptions } from './header-map.js';
import { CsvImportError } from './import-error.js';
import { rowToValues, type RowResult } from './row-to-values.js';

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

/** Longest single record; guards memory against an unclosed quote. */
const MAX_RECORD_CHARS = 1024 * 1024;

function malformed(error: CsvError): CsvImportError {
  const line = (error as CsvError & { lines?: number }).lines ?? 0;
  return new CsvImportError(
    'MALFORMED_CSV',
    {
      'zh-CN': `CSV 格式错误（约第 ${line} 行）：${error.message}`,
      en: `Malformed CSV near line ${line}: ${error.message}`,
    },
    { line, reason: error.code },
  );
}

/**
 * Streams a CSV upload into validated row results, one per data row, never holding the whole file: bytes are
 * decoded (see `decodeCsvStream`), split by csv-parse, mapped to fields by the header and checked with the engine.
 * File-level problems throw `CsvImportError`; row problems are results with `ok: false`.
 */
export async function* parseCsvImport(
  source: CsvSource,
  options: ParseCsvImportOptions,
): AsyncGenerator<RowResult, void, undefined> {
  let encoding: CsvEncoding = 'utf-8';
  const text = decodeCsvStream(source, {
    ...options,
    onEncoding: (e) => {
      encoding = e;
      options.onEncoding?.(e);
    },
  });
  const iterator = text[Symbol.asyncIterator]();
  const pending: string[] = [];
  let delimiter = options.delimiter;
  if (!delimiter) {
    let head = '';
    while (!/[\r\n]/.test(head) && head.length < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      pending.push(next.value);
      head += next.value;
    }
    delimiter = detectDelimiter(head);
  }
  async function* replay(): AsyncGenerator<string> {
    yield* pending;
    pending.length = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // Errors reach the loop below through the parser (pipeline destroys it with the cause).
  const feeding = pipeline(Readable.from(replay()), parser).catch(() => undefined);
  let header: ReturnType<typeof mapHeader> | undefined;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = mapHeader(cells, options.form, options.registry, options);
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
      if (options.maxRows !== undefined && row > options.maxRows) {
        throw new CsvImportError(
          'TOO_MANY_ROWS',
          { 'zh-CN': `超过 ${options.maxRows} 行的上限`, en: `More than the limit of ${options.maxRows} rows` },
          { maxRows: options.maxRows },
        );
      }
      yield rowToValues(cells, row, { ...options, header });
    }
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error);
    throw error;
  } finally {
    parser.destroy();
    await feeding;
  }
  if (!header) {
    throw new CsvImportError('NO_COLUMNS', { 'zh-CN': '文件没有表头行', en: 'The file has no header row' });
  }
}
