import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  discardStaged,
  stagingFormId,
  type ImportJobFailure,
  type ImportJobRepository,
  type Store,
  type WriterLock,
} from '@formflow/store';
import type { ImportProgress, ImportTask } from './import-task.js';
import { ImportWorkerHost, type JobWorker, type WorkerLimits } from './spawn-import-worker.js';

export const INTERRUPTED: ImportJobFailure = {
  code: 'INTERRUPTED',
  message: {
    'zh-CN': '服务器在导入过程中重启或停止，导入未完成（全部成功才导入的任务未写入任何数据），请重新上传',
    en: 'The server restarted or stopped during the import; it did not finish (an all-or-nothing import wrote nothing). Upload the file again',
  },
};

type Queued = { task: ImportTask; files: string[]; settled: () => void };
type Running = Queued & { worker: JobWorker; progress: ImportProgress | null };

/**
 * Runs import jobs one at a time, oldest first (a second core does the import; writes serialise in SQLite anyway), in
 * one long-lived worker thread (`ImportWorkerHost`). Holds the live progress the worker posts (the job row is the durable copy;
 * during an allOrNothing write transaction it is the only fresh one). After a job, its upload and staging files are
 * deleted and, if the worker died without finishing the job, the job is failed here.
 */
export class ImportJobRunner {
  private readonly queue: Queued[] = [];
  private readonly running = new Map<string, Running>();
  private readonly host: ImportWorkerHost;
  private closed = false;

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly db: Store['db'],
    limits?: WorkerLimits,
    /** The server's writer lock: the jobs' transactions take it, so the server never waits inside SQLite for them. */
    private readonly writerLock?: WriterLock,
  ) {
    this.host = new ImportWorkerHost(limits);
  }

  /**
   * Start-up recovery (RELIABILITY D1), before any job runs: every job left queued or running by a previous process
   * is failed (policy: fail, never resume). What an allOrNothing job had staged is deleted, so it leaves 0 rows; a
   * validRowsOnly job keeps exactly the chunks its counters report. Leftover uploads and spool files in `importsDir`
   * are deleted.
   */
  recover(importsDir: string): number {
    const failed = this.jobs.failUnfinished(INTERRUPTED);
    for (const job of failed) discardStaged(this.db, job.workspaceId, stagingFormId(job.id));
    mkdirSync(importsDir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(importsDir)) rmSync(join(importsDir, name), { recursive: true, force: true });
    return failed.length;
  }

  /** Queues a job whose row exists (status queued); `files` are deleted once it ends. Resolves when it has ended. */
  enqueue(task: ImportTask, files: string[]): Promise<void> {
    return new Promise<void>((settled) => {
      this.queue.push({ task, files, settled });
      this.pump();
    });
  }

  /** Live progress of a job running in this process. */
  live(jobId: string): ImportProgress | null | undefined {
    const running = this.running.get(jobId);
    if (running) return running.progress;
    return this.queue.some((q) => q.task.jobId === jobId) ? null : undefined;
  }

  /** Cancels a queued or running job of this process: 'cancelled' (was queued), 'signalled' (running) or 'unknown'. */
  cancel(workspaceId: string, jobId: string): 'cancelled' | 'signalled' | 'unknown' {
    const index = this.queue.findIndex((q) => q.task.jobId === jobId && q.task.workspaceId === workspaceId);
    if (index >= 0) {
      const [queued] = this.queue.splice(index, 1);
      this.jobs.cancelQueued(workspaceId, jobId);
      if (queued) this.cleanUp(queued);
      return 'cancelled';
    }
    const running = this.running.get(jobId);
    if (running && running.task.workspaceId === workspaceId) {
      running.worker.cancel();
      return 'signalled';
    }
    return 'unknown';
  }

  /** Stops taking jobs; running ones are asked to stop, then terminated after `graceMs`, and failed if unfinished. */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) {
      this.jobs.finish(queued.task.jobId, { status: 'failed', counts: emptyCounts(), errors: [], error: INTERRUPTED });
      this.cleanUp(queued);
    }
    const running = [...this.running.values()];
    for (const job of running) job.worker.cancel();
    const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all(running.map((job) => job.worker.done)), timer]);
    await this.host.close();
    await Promise.all(running.map((job) => job.worker.done));
  }

  private pump(): void {
    const next = this.closed || this.running.size > 0 ? undefined : this.queue.shift();
    if (!next) return;
    const job: Running = { ...next, progress: null, worker: undefined as unknown as JobWorker };
    job.worker = this.host.run(
      next.task,
      (progress) => {
        job.progress = progress;
      },
      this.writerLock,
    );
    this.running.set(next.task.jobId, job);
    void job.worker.done.then((outcome) => {
      if (outcome.kind === 'crashed') this.failCrashed(next.task, outcome.failure);
      this.running.delete(next.task.jobId);
      this.cleanUp(next);
      this.pump();
    });
  }

  /** The worker died before finishing the job: fail it, with the counters its last committed chunk saved. */
  private failCrashed(task: ImportTask, failure: ImportJobFailure): void {
    try {
      if (task.options.mode === 'allOrNothing') discardStaged(this.db, task.workspaceId, stagingFormId(task.jobId));
      const saved = this.jobs.get(task.workspaceId, task.jobId);
      const counts = saved ?? emptyCounts();
      const written =
        task.options.mode === 'allOrNothing'
          ? { rowsImported: 0, rowsUpdated: 0, rowsSkipped: 0 }
          : { rowsImported: counts.rowsImported, rowsUpdated: counts.rowsUpdated, rowsSkipped: counts.rowsSkipped };
      this.jobs.finish(task.jobId, {
        status: 'failed',
        counts: { ...counts, ...written, totalRows: counts.totalRows },
        errors: [],
        error: failure,
      });
    } catch (error) {
      // The next start-up fails it (recover) if this could not.
      console.error('[import] could not mark crashed job', task.jobId, 'failed:', error);
    }
  }

  private cleanUp(job: Queued): void {
    for (const file of job.files) rmSync(file, { force: true });
    rmSync(join(job.task.stagingDir, `${job.task.jobId}.staged`), { force: true });
    job.settled();
  }
}

function emptyCounts() {
  return { totalRows: null, rowsDone: 0, rowsImported: 0, rowsUpdated: 0, rowsSkipped: 0, rowsFailed: 0 };
}
