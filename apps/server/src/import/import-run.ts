import {
  discardStaged,
  publishStaged,
  stagedIds,
  type ImportJobFailure,
  type ImportInsertResult,
  type ImportJobRepository,
  type ImportRecordWriter,
  type RecordData,
  type Store,
  type WriterLock,
} from '@formflow/store';
import type { CellSource } from './cell-source.js';
import type { ImportPhase, ImportProgress, ImportResult, ImportTask } from './import-task.js';
import { JobTally, rowsFailedFailure } from './job-tally.js';
import { LineSpool } from './line-spool.js';
import type { RelationSupport } from './relation-support.js';
import type { CheckedRow, RowChecker } from './row-checker.js';
import { changedMeanwhile, uniqueConflict } from './row-messages.js';
import { stageLine, unstageLine } from './staged-lines.js';

export type ImportIo = {
  /** Live progress, at most every 250 ms and at every phase change. */
  progress(progress: ImportProgress): void;
  cancelled(): boolean;
  /** Shared with the server's connection: each of the job's transactions holds it (see `WriterLock`). */
  writerLock?: WriterLock;
};

export type { ImportResult } from './import-task.js';

export type ImportRunParts = {
  task: ImportTask;
  io: ImportIo;
  store: Store;
  jobs: ImportJobRepository;
  writer: ImportRecordWriter;
  checker: RowChecker;
  relations: RelationSupport | null;
  /**
   * allOrNothing: the hidden form id new records are staged under until the job succeeds, or null when they wait in
   * the job's spool file instead, to be inserted by the final transaction (`deferredInserts`).
   */
  staging: string | null;
};

/** Share of an allOrNothing job before its final transaction: a publish of staged rows, or the deferred inserts. */
const STAGE_SHARE = 0.95;
const DEFERRED_SHARE = 0.75;
/** Rows written between two looks at the cancel flag (and progress posts) in the final transaction. */
const FINAL_CHECK_ROWS = 256;
const POST_MS = 250;
const SAVE_MS = 500;

class Rollback extends Error {}

/**
 * The rows of one job, after its header: checked (`RowChecker`) and written in transactions of `chunkRows` rows (or
 * every 500 ms), each also saving the job's counters. validRowsOnly writes into the form. allOrNothing, for a form
 * with unique fields (or serial numbers), writes new records under a hidden staging id (their unique values reserved
 * in the form) and publishes them, with its updates, in ONE final transaction that also marks the job succeeded, or
 * deletes them when any row failed, the job was cancelled or it crashed (start-up recovery). For any other form
 * (nothing to reserve) it writes nothing while checking: the records' stored text waits in the job's spool file and
 * the final transaction inserts it, so each record is written once instead of staged and then moved. No
 * transaction lasts longer than one chunk, except the final one.
 */
export class ImportRun {
  private readonly tally: JobTally;
  private phase: ImportPhase = 'reading';
  private fraction = 0;
  private lastPost = 0;
  private lastSave = 0;
  private savedFraction = 0;
  private spool: LineSpool | undefined;
  private readonly allOrNothing: boolean;

  constructor(private readonly p: ImportRunParts) {
    this.tally = new JobTally(p.task.limits.maxErrors);
    this.allOrNothing = p.task.options.mode === 'allOrNothing';
  }

  /** allOrNothing without staging: new records are inserted by the final transaction. */
  private get deferredInserts(): boolean {
    return this.allOrNothing && this.p.staging === null;
  }

  get counts() {
    return this.tally.counts;
  }

  post(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastPost < POST_MS) return;
    this.lastPost = now;
    this.p.io.progress({ ...this.tally.snapshot(), phase: this.phase, fraction: this.fraction });
  }

  save(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastSave < SAVE_MS && this.fraction - this.savedFraction < 0.01) return;
    this.lastSave = now;
    this.savedFraction = this.fraction;
    this.p.jobs.progress(this.p.task.jobId, this.tally.counts);
  }

  finish(status: ImportResult['status'], error: ImportJobFailure | null = null): ImportResult {
    this.phase = 'done';
    // Read to its end by now (or to be discarded): the spool file is not left behind, whoever runs the job.
    this.spool?.dispose();
    this.spool = undefined;
    if (status === 'succeeded') this.fraction = 1;
    if (status !== 'succeeded' && this.p.task.options.mode === 'allOrNothing') this.tally.nothingWritten();
    // A validRowsOnly job that stopped early still wrote its committed chunks: they are audited too.
    const wrote = this.tally.counts.rowsImported + this.tally.counts.rowsUpdated > 0;
    if (status !== 'succeeded' && wrote) this.audit();
    this.p.jobs.finish(this.p.task.jobId, { status, counts: this.tally.counts, errors: this.tally.errors, error });
    this.post(true);
    return { status };
  }

  /** Deletes what an allOrNothing job staged (before it is failed or cancelled). */
  discard(): void {
    this.spool?.dispose();
    if (this.p.staging) discardStaged(this.p.store.db, this.p.task.workspaceId, this.p.staging);
  }

  /** Writes the checked rows of `source` (`checked`: its data rows, checked in order, in batches). */
  async run(source: CellSource, checked: AsyncIterable<CheckedRow[]>): Promise<ImportResult> {
    const { task, io } = this.p;
    const { allOrNothing } = this;
    const share = this.deferredInserts ? DEFERRED_SHARE : STAGE_SHARE;
    if (allOrNothing) this.spool = new LineSpool(task.stagingDir, `${task.jobId}.staged`);
    let pending: CheckedRow[] = [];
    let lastFlush = Date.now();
    const flush = (): void => {
      const rows = pending;
      pending = [];
      lastFlush = Date.now();
      this.p.writer.transaction(() => {
        for (const row of rows) this.write(row);
        this.p.jobs.progress(task.jobId, this.tally.counts);
      });
      this.lastSave = Date.now();
      this.fraction = (allOrNothing ? share : 1) * this.readFraction(source);
      this.savedFraction = this.fraction;
      this.post();
    };
    for await (const batch of checked) {
      for (const row of batch) {
        if (io.cancelled()) {
          if (allOrNothing) {
            this.discard();
            return this.finish('cancelled');
          }
          flush();
          return this.finish('cancelled');
        }
        this.tally.counts.rowsDone = row.row;
        if (row.kind === 'failed') this.tally.fail(row.row, row.errors);
        // allOrNothing stops writing at the first failed row and only goes on checking, to report every problem.
        else if (!allOrNothing || this.tally.counts.rowsFailed === 0) pending.push(row);
        if (pending.length >= task.limits.chunkRows) flush();
      }
      if (Date.now() - lastFlush >= SAVE_MS) flush();
    }
    flush();
    this.tally.counts.totalRows = this.tally.counts.rowsDone;
    if (!allOrNothing) {
      return this.p.writer.transaction(() => {
        this.audit();
        return this.finish('succeeded');
      });
    }
    if (this.tally.counts.rowsFailed > 0) {
      this.discard();
      return this.finish('failed', rowsFailedFailure(this.tally.counts.rowsFailed));
    }
    return this.publish();
  }

  /** Share of the file checked so far: rows against the counted total (CSV), else bytes read. */
  private readFraction(source: CellSource): number {
    const total = this.tally.counts.totalRows;
    return total ? Math.min(1, this.tally.counts.rowsDone / total) : source.fraction();
  }

  /** Writes one checked row inside a chunk's transaction (allOrNothing keeps updates and skips for `publish`). */
  private write(checked: CheckedRow): void {
    if (!this.allOrNothing) {
      this.apply(checked);
      return;
    }
    // A row failed: everything staged will be deleted, so stop writing.
    if (this.tally.counts.rowsFailed > 0) return;
    if (this.deferredInserts) {
      if (checked.kind !== 'failed') this.spool?.append(stageLine(checked, this.p.writer));
      return;
    }
    if (checked.kind === 'create') {
      const created = this.insert(checked);
      if (!created.ok) this.conflict(checked.row, created.fieldId, checked.values);
    } else if (checked.kind !== 'failed') {
      this.spool?.append(stageLine(checked, this.p.writer));
    }
  }

  /**
   * allOrNothing's end, one transaction: the staged records join the form (their unique values were reserved when
   * staged), the deferred dedupe updates are applied, the job is marked succeeded. A failed update rolls it all back.
   */
  private publish(): ImportResult {
    const { task, store, writer, relations } = this.p;
    const staging = this.p.staging;
    const counts = this.tally.counts;
    this.phase = 'writing';
    this.post(true);
    const total = this.spool?.size ?? 0;
    const start = this.fraction;
    try {
      return writer.transaction(() => {
        const ids = staging !== null && relations ? stagedIds(store.db, task.workspaceId, staging) : [];
        if (staging !== null) counts.rowsImported = publishStaged(store.db, task.workspaceId, task.formId, staging);
        let written = 0;
        for (const line of this.spool?.lines() ?? []) {
          this.apply(unstageLine(line));
          if (++written % FINAL_CHECK_ROWS === 0) {
            if (this.p.io.cancelled()) throw new Rollback();
            this.fraction = start + ((1 - start) * written) / total;
            this.post();
          }
        }
        if (counts.rowsFailed > 0 || this.p.io.cancelled()) throw new Rollback();
        for (const id of ids) relations?.propagate(id);
        this.audit();
        return this.finish('succeeded');
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      this.discard();
      if (counts.rowsFailed === 0) return this.finish('cancelled');
      return this.finish('failed', rowsFailedFailure(counts.rowsFailed));
    }
  }

  /** Inserts a new record, from its stored text when it was computed with the check. */
  private insert(checked: Extract<CheckedRow, { kind: 'create' }>): ImportInsertResult {
    const { writer } = this.p;
    return checked.prepared ? writer.insertPrepared(checked.prepared) : writer.insert(checked.values);
  }

  private conflict(row: number, fieldId: string, values: RecordData): void {
    const value = String(values[fieldId] ?? '');
    this.tally.fail(row, [uniqueConflict(row, this.p.checker.column(fieldId), fieldId, value)]);
  }

  /** Writes one row into the form (inside a transaction); failures go to the report. */
  private apply(checked: CheckedRow): void {
    const { writer, relations, task } = this.p;
    const dedupe = task.options.dedupe;
    const counts = this.tally.counts;
    if (checked.kind === 'failed') return;
    if (checked.kind === 'skip') {
      counts.rowsSkipped += 1;
      return;
    }
    if (checked.kind === 'create') {
      const created = this.insert(checked);
      if (created.ok) {
        relations?.propagate(created.id);
        counts.rowsImported += 1;
      } else if (dedupe && created.fieldId === dedupe.fieldId && dedupe.onDuplicate === 'skip') {
        counts.rowsSkipped += 1;
      } else {
        this.conflict(checked.row, created.fieldId, checked.values);
      }
      return;
    }
    if (Object.keys(checked.patch).length === 0) {
      counts.rowsUpdated += 1;
      return;
    }
    const updated = writer.update(checked.id, checked.version, checked.patch);
    if (updated.ok) {
      relations?.propagate(checked.id);
      counts.rowsUpdated += 1;
      return;
    }
    const fieldId = updated.reason === 'UNIQUE_CONFLICT' ? updated.fieldId : (dedupe?.fieldId ?? '');
    const column = this.p.checker.column(fieldId);
    const value = String(checked.patch[fieldId] ?? '');
    this.tally.fail(checked.row, [
      updated.reason === 'UNIQUE_CONFLICT'
        ? uniqueConflict(checked.row, column, fieldId, value)
        : changedMeanwhile(checked.row, column, fieldId, value),
    ]);
  }

  private audit(): void {
    const { task, writer } = this.p;
    const c = this.tally.counts;
    writer.audit('records.imported', 'import_job', task.jobId, {
      formId: task.formId,
      mode: task.options.mode,
      imported: c.rowsImported,
      updated: c.rowsUpdated,
      skipped: c.rowsSkipped,
      failed: c.rowsFailed,
    });
  }
}
