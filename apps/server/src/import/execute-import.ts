import { ImportJobRepository, ImportRecordWriter, openStore, stagingFormId } from '@formflow/store';
import { countCsvRows, openCellSource, type CellSource } from './cell-source.js';
import { buildRowChecker, filterContextOf, headerOf, logicOf } from './build-row-checker.js';
import { CheckHelper, checkRowsHere, checkRowsWithHelper } from './checked-rows.js';
import { CsvImportError } from './import-error.js';
import { ImportRun, type ImportIo, type ImportResult } from './import-run.js';
import type { ImportTask } from './import-task.js';
import { failureOf } from './job-tally.js';
import { relationSupport, type RelationSupport } from './relation-support.js';

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
  let helper: CheckHelper | null = null;
  try {
    if (!jobs.start(task.jobId, null)) return { status: 'cancelled' };
    const { caller } = task;
    const staging = stagesRecords(task) ? stagingFormId(task.jobId) : null;
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
        ...(io.writerLock ? { writerLock: io.writerLock } : {}),
      },
      () => jobTime,
    );
    const importer = task.viewer ? { viewer: task.viewer, filterContext: filterContextOf(task) } : null;
    const relations = relationSupport(store, task.form, task.workspaceId, task.actor, logicOf(task), importer);
    source = await openCellSource(task.file.path, task.file.format, {
      maxColumns: task.limits.maxColumns,
      ...(task.options.encoding ? { encoding: task.options.encoding } : {}),
      ...(task.options.delimiter ? { delimiter: task.options.delimiter } : {}),
    });
    const header = headerOf(task, source.header);
    if (!header.fields.some((f) => f !== null)) {
      throw new CsvImportError('NO_COLUMNS', {
        'zh-CN': '表头中没有与表单字段对应的列',
        en: 'No column of the header matches a field of the form',
      });
    }
    const checker = buildRowChecker(task, header, jobTime, writer, relations);
    run = new ImportRun({ task, io, store, jobs, writer, checker, relations, staging });
    run.post(true);
    if (task.file.format === 'csv') {
      run.counts.totalRows = await countCsvRows(task.file.path);
      run.save(true);
    }
    if (parallelCheck(task, relations, writer.preparable, run.counts.totalRows)) {
      helper = new CheckHelper({ task, header: source.header, jobTime });
    }
    const { maxRows } = task.limits;
    const checked = helper
      ? checkRowsWithHelper(source.rows, checker, helper, { maxRows })
      : checkRowsHere(source.rows, checker, maxRows);
    return await run.run(source, checked);
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
    await helper?.close();
    await source?.close().catch(() => undefined);
    store.close();
  }
}

/**
 * Whether a job's rows are checked on two threads (`CheckHelper`): CSV files of at least `parallelFromRows` rows
 * (off by default: see ImportLimits), forms without relation fields (their checks read the database) and without
 * serial fields (numbers are issued when a record is written, so its stored text cannot be computed ahead).
 */
function parallelCheck(
  task: ImportTask,
  relations: RelationSupport | null,
  preparable: boolean,
  totalRows: number | null,
): boolean {
  return relations === null && preparable && totalRows !== null && totalRows >= task.limits.parallelFromRows;
}

/**
 * Whether an allOrNothing job stages its new records in the database (`ImportRun`): only to reserve what must stay
 * unique until the job ends (unique values, serial numbers issued in file order). Other forms' jobs keep the new
 * records' stored text in the job's spool file and insert them once, in the final transaction.
 */
function stagesRecords(task: ImportTask): boolean {
  return task.options.mode === 'allOrNothing' && (task.uniqueFields.length > 0 || task.serialFields.length > 0);
}
