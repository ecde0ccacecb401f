import type { Database } from 'better-sqlite3';
import { uuidV7 } from '../ids/uuid-v7.js';
import { prepareImportJobStatements, type ImportJobRow, type ImportJobStatements } from './import-job-statements.js';
import type {
  CreateImportJobInput,
  FinishImportJobInput,
  ImportJob,
  ImportJobCounts,
  ImportJobFailure,
  ImportJobMode,
  ImportJobRowError,
  ImportJobStatus,
} from './import-job-types.js';

function parseFailure(text: string | null): ImportJobFailure | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as ImportJobFailure;
    return typeof value === 'object' && value !== null && typeof value.code === 'string' ? value : null;
  } catch {
    return { code: 'FAILED', message: { 'zh-CN': text, en: text } };
  }
}

function toJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    formId: row.form_id,
    status: row.status as ImportJobStatus,
    mode: row.mode as ImportJobMode,
    fileName: row.file_name,
    totalRows: row.total_rows,
    rowsDone: row.rows_done,
    rowsImported: row.rows_imported,
    rowsUpdated: row.rows_updated,
    rowsSkipped: row.rows_skipped,
    rowsFailed: row.rows_failed,
    error: parseFailure(row.error),
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Import jobs (`import_jobs`): one row per uploaded file, with progress counters and a capped error report. Status
 * only moves forward (queued → running → succeeded | failed | cancelled); a final job is never changed again, so a
 * late progress write from a worker cannot revive a job that was failed or cancelled meanwhile.
 */
export class ImportJobRepository {
  private readonly sql: ImportJobStatements;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = prepareImportJobStatements(db);
  }

  create(input: CreateImportJobInput): ImportJob {
    const at = this.now().toISOString();
    const id = input.id ?? uuidV7();
    this.sql.insert.run(id, input.workspaceId, input.formId, input.mode, input.fileName, input.createdBy, at, at);
    const job = this.get(input.workspaceId, id);
    if (!job) throw new Error('import job vanished after insert');
    return job;
  }

  /** A job of this workspace (a job of another workspace is simply not found). */
  get(workspaceId: string, id: string): ImportJob | undefined {
    const row = this.sql.get.get(id, workspaceId);
    return row ? toJob(row) : undefined;
  }

  /** The job's capped per-row error report, in row order. */
  errors(workspaceId: string, id: string): ImportJobRowError[] | undefined {
    const row = this.sql.errors.get(id, workspaceId);
    if (!row) return undefined;
    const parsed = JSON.parse(row.errors) as unknown;
    return Array.isArray(parsed) ? (parsed as ImportJobRowError[]) : [];
  }

  /** queued → running; false when the job is no longer queued (cancelled meanwhile). */
  start(id: string, totalRows: number | null): boolean {
    const at = this.now().toISOString();
    return this.sql.start.run(totalRows, at, at, id).changes === 1;
  }

  /** Saves the counters of a running job; false when it is not running any more. */
  progress(id: string, counts: ImportJobCounts): boolean {
    return this.sql.progress.run(...countParams(counts), this.now().toISOString(), id).changes === 1;
  }

  /** Makes a queued or running job final; false when it already was. */
  finish(id: string, input: FinishImportJobInput): boolean {
    const at = this.now().toISOString();
    const error = input.error ? JSON.stringify(input.error) : null;
    const errors = JSON.stringify(input.errors);
    return this.sql.finish.run(input.status, ...countParams(input.counts), errors, error, at, at, id).changes === 1;
  }

  /** queued → cancelled (a running job is cancelled by its runner, which then calls `finish`). */
  cancelQueued(workspaceId: string, id: string): boolean {
    const at = this.now().toISOString();
    return this.sql.cancelQueued.run(at, at, id, workspaceId).changes === 1;
  }

  /**
   * Recovery at start-up (RELIABILITY D1): every job still queued or running belonged to a process that is gone, so
   * it is failed with `failure`. Returns the jobs that were failed. Call it before this process starts any job.
   */
  failUnfinished(failure: ImportJobFailure): { id: string; workspaceId: string; createdBy: string | null }[] {
    const at = this.now().toISOString();
    const rows = this.db
      .transaction(() => {
        const unfinished = this.sql.unfinished.all();
        if (unfinished.length > 0) this.sql.failUnfinished.run(JSON.stringify(failure), at, at);
        return unfinished;
      })
      .immediate();
    return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, createdBy: r.created_by }));
  }
}

function countParams(c: ImportJobCounts): [number | null, number, number, number, number, number] {
  return [c.totalRows, c.rowsDone, c.rowsImported, c.rowsUpdated, c.rowsSkipped, c.rowsFailed];
}
