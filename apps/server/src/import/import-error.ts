/** A message ready to show in either language. */
export type LocalizedMessage = { 'zh-CN': string; en: string };

/** File-level problems: the whole import stops and nothing is written. */
export type CsvImportErrorCode =
  | 'EMPTY_FILE'
  | 'INVALID_ENCODING'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'MALFORMED_CSV'
  | 'DUPLICATE_HEADER'
  | 'FORBIDDEN_HEADER'
  | 'UNKNOWN_COLUMN'
  | 'READONLY_COLUMN'
  | 'FILES_NOT_IMPORTABLE'
  | 'INVALID_COLUMN_MAP'
  | 'NO_COLUMNS'
  | 'INVALID_OPTIONS'
  | 'INVALID_XLSX'
  | 'XLSX_TOO_LARGE'
  | 'TOO_MANY_COLUMNS';

/** Thrown by the decoder, the parser and `importCsv` for a problem with the file as a whole (answer 400/413). */
export class CsvImportError extends Error {
  readonly code: CsvImportErrorCode;
  readonly localized: LocalizedMessage;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: CsvImportErrorCode, message: LocalizedMessage, details: Record<string, string | number> = {}) {
    super(message.en);
    this.name = 'CsvImportError';
    this.code = code;
    this.localized = message;
    this.details = details;
  }
}
