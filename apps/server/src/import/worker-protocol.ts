import type { CsvImportErrorCode, LocalizedMessage } from './import-error.js';
import type { ImportResult } from './execute-import.js';
import type { PreviewRequest, PreviewResult } from './import-preview.js';
import type { ImportProgress, ImportTask } from './import-task.js';

/** What the main thread hands a worker (`workerData`): a long-lived job host, or one preview. */
export type WorkerInput = { kind: 'host' } | { kind: 'preview'; request: PreviewRequest };

/** A job for the host worker; `cancel` is a shared flag the job reads at every row. */
export type HostMessage = { type: 'run'; task: ImportTask; cancel: SharedArrayBuffer };

/** What a worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; jobId: string; progress: ImportProgress }
  | { type: 'done'; jobId: string; result: ImportResult }
  | { type: 'preview'; result: PreviewResult }
  | {
      type: 'file-error';
      error: { code: CsvImportErrorCode; message: LocalizedMessage; details: Record<string, string | number> };
    };
