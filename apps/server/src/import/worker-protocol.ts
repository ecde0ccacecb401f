import type { CsvImportErrorCode, LocalizedMessage } from './import-error.js';
import type { PreviewRequest, PreviewResult } from './import-preview.js';
import type { ImportProgress, ImportResult, ImportTask } from './import-task.js';
import type { CheckerSetup } from './check-helper.js';

/**
 * What a worker is started with (`workerData`): a long-lived job host, one preview, or a job's row-checking helper
 * (started by the job's own thread; see `CheckHelper`).
 */
export type WorkerInput =
  { kind: 'host' } | { kind: 'preview'; request: PreviewRequest } | { kind: 'checker'; setup: CheckerSetup };

/** A job for the host worker; `cancel` is a shared flag the job reads at every row. */
export type HostMessage = {
  type: 'run';
  task: ImportTask;
  cancel: SharedArrayBuffer;
  /** The server's `WriterLock` buffer: the job's transactions take it. */
  writerLock?: SharedArrayBuffer;
};

/** What a worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; jobId: string; progress: ImportProgress }
  | { type: 'done'; jobId: string; result: ImportResult }
  | { type: 'preview'; result: PreviewResult }
  | {
      type: 'file-error';
      error: { code: CsvImportErrorCode; message: LocalizedMessage; details: Record<string, string | number> };
    };
