export { CsvImportError, type CsvImportErrorCode, type LocalizedMessage } from './import-error.js';
export {
  decodeCsvBytes,
  decodeCsvStream,
  detectEncoding,
  SNIFF_BYTES,
  type CsvEncoding,
  type DecodeOptions,
} from './decode-csv.js';
export { detectDelimiter, type CsvDelimiter } from './detect-delimiter.js';
export { mapHeader, normalizeHeader, type HeaderMap, type HeaderMapOptions } from './header-map.js';
export { rowToValues, type RowError, type RowResult } from './row-to-values.js';
export { parseCsvImport, type CsvHeaderInfo, type CsvSource, type ParseCsvImportOptions } from './parse-csv-import.js';
export {
  importCsv,
  type ImportCsvOptions,
  type ImportCsvResult,
  type ImportProgress,
  type ImportRowError,
} from './import-csv.js';
export { type Dedupe } from './write-rows.js';
export {
  CSV_BOM,
  exportCell,
  formatCsvRow,
  formatRecordsCsv,
  neutralizeFormula,
  quoteCsvField,
  type CsvCell,
  type FormatRecordsOptions,
} from './csv-export.js';
export {
  runImportJob,
  buildImportTask,
  DEFAULT_IMPORT_LIMITS,
  type RunImportJobInput,
  type BuildImportTaskInput,
  type ImportCaller,
} from './run-import-job.js';
export type { ImportOptions, ImportLimits, ImportTask, ImportPhase } from './import-task.js';
export type { ImportProgress as ImportJobProgress } from './import-task.js';
export { executeImport, type ImportIo, type ImportResult } from './execute-import.js';
export { previewImport, type PreviewRequest, type PreviewResult } from './import-preview.js';
export { CsvTokenizer } from './csv-tokenizer.js';
export { checkXlsxFile, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-guard.js';
export { registerImportRoutes } from './register-import-routes.js';
