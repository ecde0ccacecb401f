import type { ImportJobCounts, ImportJobFailure, ImportJobRowError } from '@formflow/store';
import { CsvImportError } from './import-error.js';
import type { RowError } from './row-to-values.js';

/** The counters and the capped error report of a running job. */
export class JobTally {
  readonly counts: ImportJobCounts;
  readonly errors: ImportJobRowError[] = [];
  truncated = false;

  constructor(private readonly maxErrors: number) {
    this.counts = { totalRows: null, rowsDone: 0, rowsImported: 0, rowsUpdated: 0, rowsSkipped: 0, rowsFailed: 0 };
  }

  fail(row: number, errors: readonly RowError[]): void {
    this.counts.rowsFailed += 1;
    for (const error of errors) {
      if (this.errors.length >= this.maxErrors) {
        this.truncated = true;
        return;
      }
      this.errors.push({ row, ...error });
    }
  }

  /** allOrNothing rolled back: nothing was written. */
  nothingWritten(): void {
    this.counts.rowsImported = 0;
    this.counts.rowsUpdated = 0;
    this.counts.rowsSkipped = 0;
  }

  snapshot(): ImportJobCounts {
    return { ...this.counts };
  }
}

export function rowsFailedFailure(failed: number): ImportJobFailure {
  return {
    code: 'ROWS_FAILED',
    message: {
      'zh-CN': `${failed} 行有错误，未导入任何数据（全部成功才导入）。请下载错误报告修正后重新导入`,
      en: `${failed} rows have errors, so nothing was imported (all or nothing); fix them using the error report`,
    },
  };
}

/** Thrown inside the import to stop it when the caller cancelled. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** A job failure as shown to the user: file-level problems as they are, anything else without internal detail. */
export function failureOf(error: unknown): ImportJobFailure {
  if (error instanceof CsvImportError) return { code: error.code, message: error.localized };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED') {
    return {
      code: 'BUSY',
      message: {
        'zh-CN': '数据库正忙（另一个写入占用时间过长），导入未执行，请稍后重试',
        en: 'The database was busy for too long; nothing was imported, try again later',
      },
    };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return {
      code: 'DISK_FULL',
      message: { 'zh-CN': '磁盘空间不足，导入已回滚', en: 'The disk is full; the import was rolled back' },
    };
  }
  return {
    code: 'INTERNAL_ERROR',
    message: { 'zh-CN': '导入时发生意外错误', en: 'An unexpected error stopped the import' },
  };
}
