import { fieldRegistry, type FilterContext } from '@formflow/engine';
import { ImportJobRepository, ImportRecordWriter, openStore, stagingFormId } from '@formflow/store';
import { countCsvRows, openCellSource, type CellSource } from './cell-source.js';
import { mapHeader } from './header-map.js';
import { CsvImportError } from './import-error.js';
import { ImportRun, type ImportIo, type ImportResult } from './import-run.js';
import type { ImportTask } from './import-task.js';
import { failureOf } from './job-tally.js';
import { relationSupport } from './relation-support.js';
import { RowChecker } from './row-checker.js';
import { createParseMemo } from './row-to-values.js';

export type { ImportIo, ImportResult } from './import-run.js';

/**
 * Runs one import job on its own SQLite connection to `task.dbPath` (the worker thread's; WAL lets the server read
 * and write meanwhile). The job row moves queued → running → final here, with its counters saved with every chunk
 * written (every ~500 ms). See `ImportRun` for how rows are written in each mode.
 */
export async function executeImport(task: ImportTask, io: ImportIo): Promise<ImportResult> {
  const store = openStore({ path: task.dbPath });
  const jobs = new ImportJobRepository(store.db);
  let source: CellSource | undefined;
  let run: ImportRun | undefined;
  try {
    if (!jobs.start(task.jobId, null)) return { status: 'cancelled' };
    const { caller } = task;
    const staging = task.options.mode === 'allOrNothing' ? stagingFormId(task.jobId) : null;
    // Every record of the job is created (and every dedupe update made) at the job's time.
    const jobTime = new Date(caller.now.getTime());
    const writer = new ImportRecordWriter(
      store.db,
      {
        workspaceId: task.workspaceId,
        formId: task.formId,
        formVersion: task.formVersion,
        actor: task.actor,
        uniqueFields: task.uniqueFields,
        serialFields: task.serialFields,
        ...(staging ? { stagingFormId: staging } : {}),
      },
      () => jobTime,
    );
    const logic = {
      ...(caller.memberId
        ? { member: { id: caller.memberId, departmentIds: caller.departmentIds ?? [], roleIds: caller.roleIds ?? [] } }
        : {}),
      now: caller.now,
      timezone: caller.timezone,
    };
    const filterContext: FilterContext = {
      ...(caller.memberId ? { memberId: caller.memberId } : {}),
      ...(caller.scopeDepartmentIds ? { departmentIds: caller.scopeDepartmentIds } : {}),
      now: caller.now,
      timezone: caller.timezone,
    };
    const importer = task.viewer ? { viewer: task.viewer, filterContext } : null;
    const relations = relationSupport(store, task.form, task.workspaceId, task.actor, logic, importer);
    source = await openCellSource(task.file.path, task.file.format, {
      maxColumns: task.limits.maxColumns,
      ...(task.options.encoding ? { encoding: task.options.encoding } : {}),
      ...(task.options.delimiter ? { delimiter: task.options.delimiter } : {}),
    });
    const header = mapHeader(source.header, task.form, fieldRegistry, {
      ...(task.options.mapping ? { columnMap: task.options.mapping } : {}),
      ...(task.writableFieldIds ? { writableFieldIds: new Set(task.writableFieldIds) } : {}),
    });
    if (!header.fields.some((f) => f !== null)) {
      throw new CsvImportError('NO_COLUMNS', {
        'zh-CN': '表头中没有与表单字段对应的列',
        en: 'No column of the header matches a field of the form',
      });
    }
    const checker = new RowChecker(
      {
        form: task.form,
        registry: fieldRegistry,
        ctx: task.fieldContext,
        header,
        memo: createParseMemo(header),
        logic,
      },
      writer,
      {
        uniqueFields: task.uniqueFields,
        ...(task.options.dedupe ? { dedupe: task.options.dedupe } : {}),
        // Rows are written in the same pass, each checked against the form as it is inserted.
        precheckDatabase: false,
        rowFilters: task.rowFilters,
        filterContext,
        system: task.systemFields,
        actor: task.actor,
        at: jobTime.toISOString(),
        relations,
        ...(task.writableFor
          ? { writableFor: { submit: new Set(task.writableFor.submit), edit: new Set(task.writableFor.edit) } }
          : {}),
      },
    );
    run = new ImportRun({ task, io, store, jobs, writer, checker, relations, staging });
    run.post(true);
    if (task.file.format === 'csv') {
      run.counts.totalRows = await countCsvRows(task.file.path);
      run.save(true);
    }
    return await run.run(source);
  } catch (error) {
    const failure = failureOf(error);
    if (failure.code === 'INTERNAL_ERROR') console.error('[import] job', task.jobId, 'failed:', error);
    // If deleting what was staged fails too, the error escapes: the worker ends and the job is failed (and its
    // staging deleted) by the main thread, or at the next start.
    run?.discard();
    if (run) return run.finish('failed', failure);
    jobs.finish(task.jobId, {
      status: 'failed',
      counts: { totalRows: null, rowsDone: 0, rowsImported: 0, rowsUpdated: 0, rowsSkipped: 0, rowsFailed: 0 },
      errors: [],
      error: failure,
    });
    return { status: 'failed' };
  } finally {
    await source?.close().catch(() => undefined);
    store.close();
  }
}
