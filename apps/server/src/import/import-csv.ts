import { uniqueKey, type JsonValue as StoreJson, type SerialFieldSpec, type Store } from '@formflow/store';
import type { CsvDelimiter } from './detect-delimiter.js';
import type { CsvEncoding } from './decode-csv.js';
import { CsvImportError } from './import-error.js';
import { parseCsvImport, type CsvSource, type ParseCsvImportOptions } from './parse-csv-import.js';
import type { RowError, RowResult } from './row-to-values.js';
import { runInTransaction } from './run-in-transaction.js';
import { StagingSpool } from './staging-spool.js';
import { writeRow, type Dedupe, type StagedRow, type WriteOutcome, type WriteTarget } from './write-rows.js';

export type ImportProgress = {
  rowsDone: number;
  rowsOk: number;
  rowsFailed: number;
  bytesRead: number;
  totalBytes?: number;
};

export type ImportCsvOptions = Omit<ParseCsvImportOptions, 'onHeader' | 'onBytes'> & {
  workspaceId: string;
  formId: string;
  formVersion: number;
  actor: string | null;
  /** allOrNothing: any failed row → nothing written. validRowsOnly: valid rows written, the rest reported. */
  mode: 'allOrNothing' | 'validRowsOnly';
  /** Match existing records by a unique field: skip the row or update the columns it carries. */
  dedupe?: Dedupe;
  serialFields?: readonly SerialFieldSpec[];
  /** Everything is checked (against the database too) and then rolled back: the report of a real run. */
  dryRun?: boolean;
  /** Errors kept in the report (default 1,000); the counts stay exact. */
  maxErrors?: number;
  /** allOrNothing: validated rows kept in memory before spilling to a temp file (default 10,000). */
  stagingMemoryRows?: number;
  /** Where the spill file's private folder is made (default: the OS temp dir). */
  stagingDir?: string;
  /** Rows per transaction in validRowsOnly (default 500). */
  batchSize?: number;
  totalBytes?: number;
  /** Called every 1,000 rows and at the end. */
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportRowError = RowError & { row: number };

export type ImportCsvResult = {
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  /** allOrNothing only: rows were valid but the transaction was rolled back (or this was a dry run). */
  rolledBack: boolean;
  unknownColumns: readonly string[];
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
};

const PROGRESS_EVERY = 1000;

/**
 * Imports a CSV upload into a form. Rows stream through `parseCsvImport`; valid rows are written with
 * `store.records.createRecord` (history, 查重, serials). allOrNothing stages the validated rows (memory, then a temp
 * file: `StagingSpool`) and writes them in ONE transaction at the end: better-sqlite3 is synchronous, so a transaction
 * held open across the upload's awaits would capture other requests' writes on the shared connection. The first
 * failed row drops the staging; reading goes on only to report every problem. Throws `CsvImportError` for
 * file-level problems (nothing written in allOrNothing).
 */
export async function importCsv(store: Store, options: ImportCsvOptions, source: CsvSource): Promise<ImportCsvResult> {
  const { form, mode, dedupe } = options;
  const uniqueFields = form.fields.filter((f) => f.unique === true && f.deleted !== true).map((f) => f.id);
  if (dedupe && !uniqueFields.includes(dedupe.fieldId)) {
    throw new CsvImportError('INVALID_OPTIONS', {
      'zh-CN': `去重字段 ${dedupe.fieldId} 必须是表单中开启查重的字段`,
      en: `The dedupe field ${dedupe.fieldId} must be a unique field of the form`,
    });
  }
  const maxErrors = options.maxErrors ?? 1000;
  const result: ImportCsvResult = {
    imported: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    errors: [],
    errorsTruncated: false,
    rolledBack: false,
    unknownColumns: [],
  };
  const target: WriteTarget = {
    workspaceId: options.workspaceId,
    formId: options.formId,
    formVersion: options.formVersion,
    actor: options.actor,
    uniqueFields,
    ...(options.serialFields ? { serialFields: options.serialFields } : {}),
    ...(dedupe ? { dedupe } : {}),
    columnFieldIds: [],
    columnOf: new Map(),
  };
  const inFileChecked = uniqueFields.filter((id) => id !== dedupe?.fieldId);
  const seen = new Map<string, Map<string, number>>(inFileChecked.map((id) => [id, new Map()]));
  let bytesRead = 0;
  let rowsDone = 0;
  const progress = (): void =>
    options.onProgress?.({
      rowsDone,
      rowsOk: rowsDone - result.failed,
      rowsFailed: result.failed,
      bytesRead,
      ...(options.totalBytes !== undefined ? { totalBytes: options.totalBytes } : {}),
    });
  const fail = (row: number, errors: readonly RowError[]): void => {
    result.failed += 1;
    for (const error of errors) {
      if (result.errors.length < maxErrors) result.errors.push({ row, ...error });
      else result.errorsTruncated = true;
    }
  };
  const tally = (staged: StagedRow, outcome: WriteOutcome): void => {
    if (outcome.kind === 'failed') fail(staged.row, [outcome.error]);
    else if (outcome.kind === 'created') result.imported += 1;
    else if (outcome.kind === 'updated') result.updated += 1;
    else result.skipped += 1;
  };
  const writeAll = (rows: Iterable<StagedRow>, rollbackOnFailure: boolean): void => {
    const commit = (anyFailed: boolean): boolean => options.dryRun !== true && !(rollbackOnFailure && anyFailed);
    const write = (): boolean => {
      let anyFailed = false;
      for (const staged of rows) {
        const outcome = writeRow(store, target, staged);
        tally(staged, outcome);
        if (outcome.kind === 'failed') anyFailed = true;
      }
      return anyFailed;
    };
    runInTransaction(store, write, commit);
  };

  let batch: StagedRow[] = [];
  const batchSize = options.batchSize ?? 500;
  const flushBatch = (): void => {
    writeAll(batch, false);
    batch = [];
  };
  let spool: StagingSpool | null =
    mode === 'allOrNothing' ? new StagingSpool(options.stagingMemoryRows, options.stagingDir) : null;
  try {
    const rows = parseCsvImport(source, {
      ...options,
      onBytes: (n) => {
        bytesRead = n;
      },
      onHeader: (info) => {
        result.unknownColumns = info.unknownColumns;
        result.encoding = info.encoding;
        result.delimiter = info.delimiter;
        const columnOf = new Map<string, string>();
        info.fieldIds.forEach((id, i) => {
          if (id !== null) columnOf.set(id, info.headers[i] ?? '');
        });
        target.columnOf = columnOf;
        target.columnFieldIds = [...columnOf.keys()];
      },
    });
    for await (const parsed of rows) {
      rowsDone += 1;
      const checked = parsed.ok ? checkInFile(parsed, inFileChecked, seen, target.columnOf) : parsed;
      if (!checked.ok) {
        fail(checked.row, checked.errors);
        // allOrNothing: nothing will be written; keep reading only to report every problem.
        spool?.dispose();
        spool = null;
      } else if (mode === 'allOrNothing') {
        spool?.push({ row: checked.row, values: checked.values });
      } else {
        batch.push({ row: checked.row, values: checked.values });
        if (batch.length >= batchSize) flushBatch();
      }
      if (rowsDone % PROGRESS_EVERY === 0) progress();
    }
    if (mode === 'validRowsOnly') {
      if (batch.length > 0) flushBatch();
    } else if (spool && spool.size > 0) {
      writeAll(spool.rows(), true);
      result.rolledBack = options.dryRun === true || result.failed > 0;
    }
  } finally {
    spool?.dispose();
  }
  if (mode === 'allOrNothing' && result.failed > 0) {
    result.imported = 0;
    result.updated = 0;
    result.skipped = 0;
  }
  progress();
  return result;
}

/** 查重 within the file: a later row repeating an earlier row's unique value fails and names the earlier row. */
function checkInFile(
  parsed: Extract<RowResult, { ok: true }>,
  fieldIds: readonly string[],
  seen: Map<string, Map<string, number>>,
  columnOf: ReadonlyMap<string, string>,
): RowResult {
  const errors: RowError[] = [];
  for (const fieldId of fieldIds) {
    const key = uniqueKey(parsed.values[fieldId] as StoreJson | undefined);
    const keys = seen.get(fieldId);
    if (key === null || !keys) continue;
    const first = keys.get(key);
    if (first === undefined) {
      keys.set(key, parsed.row);
      continue;
    }
    const column = columnOf.get(fieldId) ?? '';
    errors.push({
      column,
      fieldId,
      code: 'DUPLICATE_IN_FILE',
      message: {
        'zh-CN': `第 ${parsed.row} 行“${column}”：与第 ${first} 行重复（查重）`,
        en: `Row ${parsed.row}, column "${column}": duplicates row ${first} (must be unique)`,
      },
    });
  }
  return errors.length > 0 ? { row: parsed.row, ok: false, errors } : parsed;
}
