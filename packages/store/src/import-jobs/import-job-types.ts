/** Where an import job is: queued → running → succeeded | failed | cancelled (the last three are final). */
export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export const FINAL_IMPORT_JOB_STATUSES: readonly ImportJobStatus[] = ['succeeded', 'failed', 'cancelled'];

/** allOrNothing: any failed row → nothing written. validRowsOnly: valid rows are written, the rest reported. */
export type ImportJobMode = 'allOrNothing' | 'validRowsOnly';

/** A message ready to show in either language. */
export type ImportMessage = { 'zh-CN': string; en: string };

/** One problem of one data row, as kept in the job's (capped) error report. */
export type ImportJobRowError = {
  /** 1-based data row (the header is not a row). */
  row: number;
  /** Header text of the column ('' for a row-level problem). */
  column: string;
  fieldId?: string;
  code: string;
  /** The cell text, clipped (absent for row-level problems). */
  value?: string;
  message: ImportMessage;
};

/** Why a whole job failed (a file-level problem, a restart, a crash). */
export type ImportJobFailure = { code: string; message: ImportMessage };

export type ImportJobCounts = {
  /** Data rows in the file, when known (counted before the import starts). */
  totalRows: number | null;
  rowsDone: number;
  rowsImported: number;
  rowsUpdated: number;
  rowsSkipped: number;
  rowsFailed: number;
};

export type ImportJob = ImportJobCounts & {
  id: string;
  workspaceId: string;
  formId: string;
  status: ImportJobStatus;
  mode: ImportJobMode;
  fileName: string | null;
  error: ImportJobFailure | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
};

export type CreateImportJobInput = {
  id?: string;
  workspaceId: string;
  formId: string;
  mode: ImportJobMode;
  fileName: string | null;
  createdBy: string | null;
};

export type FinishImportJobInput = {
  status: Extract<ImportJobStatus, 'succeeded' | 'failed' | 'cancelled'>;
  counts: ImportJobCounts;
  /** The capped error report. */
  errors: readonly ImportJobRowError[];
  error?: ImportJobFailure | null;
};
