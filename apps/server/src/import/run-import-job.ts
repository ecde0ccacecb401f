import { dirname } from 'node:path';
import { DEFAULT_FIELD_CONTEXT, type FieldContext, type Viewer } from '@formflow/engine';
import type { FilterNode, FormDef } from '@formflow/schema';
import {
  DirectoryRepository,
  discardStaged,
  ImportJobRepository,
  stagingFormId,
  type ImportJob,
  type Store,
} from '@formflow/store';
import type { ImportFormat } from './cell-source.js';
import { executeImport } from './execute-import.js';
import { formWriteInfo } from '../records/form-write-info.js';
import type { ImportLimits, ImportOptions, ImportProgress, ImportTask } from './import-task.js';
import { ImportWorkerHost, type WorkerLimits } from './spawn-import-worker.js';
import { DEFAULT_XLSX_LIMITS } from './xlsx-guard.js';

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 2_000_000,
  maxErrors: 1000,
  maxColumns: 500,
  chunkRows: 5000,
  parallelFromRows: Number.POSITIVE_INFINITY,
  xlsx: DEFAULT_XLSX_LIMITS,
};

export type ImportCaller = {
  memberId?: string;
  departmentIds?: string[];
  scopeDepartmentIds?: string[];
  roleIds?: string[];
  /** IANA zone for cells without one, `$today` and row filters (default Asia/Shanghai). */
  timezone?: string;
  now?: Date;
};

export type BuildImportTaskInput = {
  dbPath: string;
  jobId: string;
  workspaceId: string;
  form: { formId: string; version: number; definition: FormDef };
  actor: string | null;
  file: { path: string; format: ImportFormat };
  options: ImportOptions;
  /** Columns the caller may import (absent or null: every user field). */
  writableFieldIds?: Iterable<string> | null;
  /** Fields a create may set and a dedupe update may change (absent or null: every user field). */
  writableFor?: { submit: Iterable<string>; edit: Iterable<string> } | null;
  /** The importer's permission viewer: links must name records they may view (absent or null: existence only). */
  viewer?: Viewer | null;
  /** The caller's row filters for submit and edit (absent: every row). */
  rowFilters?: { submit?: FilterNode | null; edit?: FilterNode | null };
  caller?: ImportCaller;
  fieldContext?: FieldContext;
  stagingDir?: string;
  limits?: Partial<ImportLimits>;
};

/** A copy of a viewer that crosses into the worker thread as plain data. */
function plainViewer(viewer: Viewer): Viewer {
  return {
    memberId: viewer.memberId,
    role: viewer.role,
    departmentIds: [...viewer.departmentIds],
    departmentAncestorIds: [...viewer.departmentAncestorIds],
    departmentScopeIds: [...viewer.departmentScopeIds],
    roleIds: [...viewer.roleIds],
  };
}

/** The plain-data task a worker runs, with the form's unique and serial fields and the default limits. */
export function buildImportTask(input: BuildImportTaskInput): ImportTask {
  const timezone = input.caller?.timezone ?? input.fieldContext?.timezone ?? DEFAULT_FIELD_CONTEXT.timezone;
  const caller = input.caller ?? {};
  // The same write rules as the records API: 查重 fields, serial numbers (server zone), system fields.
  const info = formWriteInfo(input.form.definition);
  return {
    dbPath: input.dbPath,
    jobId: input.jobId,
    workspaceId: input.workspaceId,
    formId: input.form.formId,
    formVersion: input.form.version,
    form: input.form.definition,
    actor: input.actor,
    file: input.file,
    options: input.options,
    writableFieldIds: input.writableFieldIds ? [...input.writableFieldIds] : null,
    writableFor: input.writableFor
      ? { submit: [...input.writableFor.submit], edit: [...input.writableFor.edit] }
      : null,
    viewer: input.viewer ? plainViewer(input.viewer) : null,
    rowFilters: input.rowFilters ?? { submit: null, edit: null },
    caller: {
      ...(caller.memberId ? { memberId: caller.memberId } : {}),
      ...(caller.departmentIds ? { departmentIds: caller.departmentIds } : {}),
      ...(caller.scopeDepartmentIds ? { scopeDepartmentIds: caller.scopeDepartmentIds } : {}),
      ...(caller.roleIds ? { roleIds: caller.roleIds } : {}),
      now: caller.now ?? new Date(),
      timezone,
    },
    fieldContext: input.fieldContext ?? { ...DEFAULT_FIELD_CONTEXT, timezone },
    uniqueFields: [...info.unique],
    serialFields: [...info.serials],
    systemFields: { createdBy: [...info.createdBy], createdAt: [...info.createdAt], updatedAt: [...info.updatedAt] },
    stagingDir: input.stagingDir ?? dirname(input.file.path),
    limits: { ...DEFAULT_IMPORT_LIMITS, ...input.limits },
  };
}

export type RunImportJobInput = Omit<BuildImportTaskInput, 'dbPath' | 'jobId'> & {
  /** The server's store: the job row is created through it; the import itself opens its own connection. */
  store: Store;
  fileName?: string | null;
  /** Run on the calling thread instead of a worker (profiling; the event loop is then busy for the whole job). */
  inline?: boolean;
  workerLimits?: WorkerLimits;
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Imports one CSV or .xlsx file into a form as the HTTP route does, without HTTP and without the queue: creates the
 * job row, runs the job in a worker thread (parse, validate every row with the engine, write; see `executeImport`)
 * and resolves with the final job once it has ended. The file is left in place. This is the entry point the import
 * benchmark measures.
 */
export async function runImportJob(input: RunImportJobInput): Promise<ImportJob> {
  const jobs = new ImportJobRepository(input.store.db);
  const job = jobs.create({
    workspaceId: input.workspaceId,
    formId: input.form.formId,
    mode: input.options.mode,
    fileName: input.fileName ?? null,
    createdBy: input.actor,
  });
  // The actor's links are checked as theirs, like an import over HTTP.
  const viewer =
    input.viewer ??
    (input.actor ? new DirectoryRepository(input.store.db).viewerOf(input.workspaceId, input.actor) : undefined);
  const task = buildImportTask({ ...input, ...(viewer ? { viewer } : {}), dbPath: input.store.path, jobId: job.id });
  const onProgress = input.onProgress ?? (() => undefined);
  if (input.inline) {
    await executeImport(task, { progress: onProgress, cancelled: () => false });
  } else {
    const host = new ImportWorkerHost(input.workerLimits);
    const outcome = await host.run(task, onProgress).done;
    await host.close();
    if (outcome.kind === 'crashed') {
      if (input.options.mode === 'allOrNothing') {
        discardStaged(input.store.db, input.workspaceId, stagingFormId(job.id));
      }
      jobs.finish(job.id, {
        status: 'failed',
        counts: jobs.get(input.workspaceId, job.id) ?? job,
        errors: [],
        error: outcome.failure,
      });
    }
  }
  const final = jobs.get(input.workspaceId, job.id);
  if (!final) throw new Error('import job vanished');
  return final;
}
