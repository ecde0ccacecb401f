import { Worker } from 'node:worker_threads';
import type { ImportJobFailure, WriterLock } from '@formflow/store';
import { CsvImportError } from './import-error.js';
import type { PreviewRequest, PreviewResult } from './import-preview.js';
import type { ImportProgress, ImportResult, ImportTask } from './import-task.js';
import type { HostMessage, WorkerInput, WorkerMessage } from './worker-protocol.js';

export type WorkerLimits = {
  /** V8 old-generation heap of the worker, in MB (a hostile file runs out of it, not the server). */
  maxMemoryMb: number;
  /** Wall-clock limit of one job or preview; the worker is terminated beyond it. */
  timeoutMs: number;
};

export const JOB_WORKER_LIMITS: WorkerLimits = { maxMemoryMb: 320, timeoutMs: 2 * 60 * 60 * 1000 };
export const PREVIEW_WORKER_LIMITS: WorkerLimits = { maxMemoryMb: 320, timeoutMs: 60 * 1000 };

/** How long an idle job host stays loaded. */
const HOST_IDLE_MS = 5 * 60 * 1000;

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

export type WorkerOutcome = { kind: 'done'; result: ImportResult } | { kind: 'crashed'; failure: ImportJobFailure };

export type JobWorker = {
  /** Asks the job to stop (allOrNothing rolls back; validRowsOnly keeps the rows already committed). */
  cancel(): void;
  done: Promise<WorkerOutcome>;
};

function crash(code: string, zh: string, en: string): ImportJobFailure {
  return { code, message: { 'zh-CN': zh, en } };
}

const CRASHED = crash('WORKER_CRASHED', '导入进程意外退出', 'The import stopped unexpectedly');

function failureOfWorkerError(error: (Error & { code?: string }) | null, timedOut: boolean): ImportJobFailure {
  if (timedOut)
    return crash('TIMEOUT', '导入超过了允许的最长时间，已停止', 'The import ran longer than allowed and was stopped');
  if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return crash(
      'OUT_OF_MEMORY',
      '文件过大或过于复杂，导入所需内存超过上限，已停止',
      'The file is too large or complex: the import needed more memory than allowed',
    );
  }
  if (error) console.error('[import] worker crashed:', error);
  return CRASHED;
}

/** A worker thread of the import module (job host, preview or checking helper), heap-capped. */
export function startWorker(input: WorkerInput, limits: WorkerLimits): Worker {
  return new Worker(BOOTSTRAP, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
}

type Current = {
  jobId: string;
  onProgress: (progress: ImportProgress) => void;
  resolve: (outcome: WorkerOutcome) => void;
  timer: NodeJS.Timeout;
};

/**
 * One worker thread that runs import jobs one after another (loading the engine and store once, ~1–2 s), with a
 * heap cap and a per-job time limit. A crash, an out-of-memory or a timeout ends the thread and fails its job; the
 * next job starts a fresh thread. An idle host ends after five minutes.
 */
export class ImportWorkerHost {
  private worker: Worker | undefined;
  private current: Current | undefined;
  private error: (Error & { code?: string }) | null = null;
  private timedOut = false;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly limits: WorkerLimits = JOB_WORKER_LIMITS) {}

  /** Runs a job (one at a time: the caller queues). */
  run(task: ImportTask, onProgress: (progress: ImportProgress) => void, writerLock?: WriterLock): JobWorker {
    if (this.current) throw new Error('the import worker is busy');
    if (this.idle) clearTimeout(this.idle);
    const worker = this.ensureWorker();
    const cancel = new SharedArrayBuffer(4);
    const done = new Promise<WorkerOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.timedOut = true;
        void worker.terminate();
      }, this.limits.timeoutMs);
      timer.unref();
      this.current = { jobId: task.jobId, onProgress, resolve, timer };
    });
    const message: HostMessage = {
      type: 'run',
      task,
      cancel,
      ...(writerLock ? { writerLock: writerLock.buffer } : {}),
    };
    worker.postMessage(message);
    return {
      cancel: () => {
        Atomics.store(new Int32Array(cancel), 0, 1);
      },
      done,
    };
  }

  /** Ends the thread (a running job's transaction is rolled back by SQLite; its outcome is a crash). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    await this.worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker({ kind: 'host' }, this.limits);
    this.worker = worker;
    this.error = null;
    this.timedOut = false;
    worker.on('message', (message: WorkerMessage) => {
      const current = this.current;
      if (!current || !('jobId' in message) || message.jobId !== current.jobId) return;
      if (message.type === 'progress') current.onProgress(message.progress);
      else if (message.type === 'done') this.settle({ kind: 'done', result: message.result });
    });
    worker.on('error', (error) => {
      this.error = error as Error & { code?: string };
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      if (this.current) this.settle({ kind: 'crashed', failure: failureOfWorkerError(this.error, this.timedOut) });
    });
    return worker;
  }

  private settle(outcome: WorkerOutcome): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    current.resolve(outcome);
    if (this.worker) {
      const worker = this.worker;
      this.idle = setTimeout(() => void worker.terminate(), HOST_IDLE_MS);
      this.idle.unref();
    }
  }
}

/**
 * Runs a preview in a worker thread of its own (for .xlsx: parsing a workbook is CPU-heavy and must be memory- and
 * time-capped, RELIABILITY J2). File-level problems come back as `CsvImportError`; a crash or a timeout as
 * XLSX_TOO_LARGE.
 */
export async function previewInWorker(
  request: PreviewRequest,
  limits: WorkerLimits = PREVIEW_WORKER_LIMITS,
): Promise<PreviewResult> {
  const worker = startWorker({ kind: 'preview', request }, limits);
  let answer: WorkerMessage | undefined;
  let error: (Error & { code?: string }) | null = null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void worker.terminate();
  }, limits.timeoutMs);
  timer.unref();
  worker.on('message', (message: WorkerMessage) => {
    answer = message;
  });
  worker.on('error', (e) => {
    error = e as Error & { code?: string };
  });
  await new Promise<void>((resolve) => worker.on('exit', () => resolve()));
  clearTimeout(timer);
  if (answer?.type === 'preview') return answer.result;
  if (answer?.type === 'file-error') {
    throw new CsvImportError(answer.error.code, answer.error.message, answer.error.details);
  }
  const failure = failureOfWorkerError(error, timedOut);
  throw new CsvImportError('XLSX_TOO_LARGE', {
    'zh-CN': `无法读取该文件：${failure.message['zh-CN']}`,
    en: `The file cannot be read: ${failure.message.en}`,
  });
}
