/**
 * One CSV import in a process of its own, so its peak RSS (VmHWM, read by the parent from /proc/<pid>/status) is
 * the import's alone. argv[2] is the JSON of an ImportChildJob; the result goes back over IPC, then the child waits
 * for the parent's `exit` so the parent reads VmHWM while the process still exists.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { openBareDatabase } from './bare-server.js';
import { dealsForm } from './crm-form.js';
import { openBenchStore, type CrmSetup } from './formflow-harness.js';
// runImportJob is not exported by @formflow/server's entry point.
import { runImportJob } from '../../../apps/server/src/import/run-import-job.js';

export type ImportChildJob = {
  kind: 'formflow' | 'bare';
  dbPath: string;
  csvPath: string;
  setup: CrmSetup;
  mode: 'allOrNothing' | 'validRowsOnly';
};

export type ImportChildResult = {
  rows: number;
  failed: number;
  seconds: number;
  /** CPU time of the whole process (every thread: the import worker's too) during the import. */
  cpuSeconds: number;
  startRssMiB: number;
  firstError?: string;
};

/** The server's own import job (worker thread, staging, one publish transaction for allOrNothing). */
async function formflowImport(job: ImportChildJob): Promise<Omit<ImportChildResult, 'startRssMiB' | 'cpuSeconds'>> {
  const store = openBenchStore(job.dbPath);
  try {
    const started = performance.now();
    const result = await runImportJob({
      store,
      workspaceId: job.setup.workspaceId,
      form: { formId: job.setup.formId, version: job.setup.formVersion, definition: dealsForm },
      actor: job.setup.ownerId,
      file: { path: job.csvPath, format: 'csv' },
      options: { mode: job.mode },
      // IMPORT_PARALLEL_FROM_ROWS=0 checks the rows on two threads (ImportLimits.parallelFromRows; off by default).
      ...(process.env['IMPORT_PARALLEL_FROM_ROWS']
        ? { limits: { parallelFromRows: Number(process.env['IMPORT_PARALLEL_FROM_ROWS']) } }
        : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      rows: result.rowsImported,
      failed: result.rowsFailed,
      seconds,
      ...(result.error ? { firstError: JSON.stringify(result.error).slice(0, 300) } : {}),
    };
  } finally {
    store.close();
  }
}

type CsvParse = (options: Record<string, unknown>) => NodeJS.ReadWriteStream & AsyncIterable<string[]>;

/** csv-parse split rows, cells keyed by field id as text, inserted as JSON in one transaction: no parsing, no checks. */
async function bareImport(job: ImportChildJob): Promise<Omit<ImportChildResult, 'startRssMiB' | 'cpuSeconds'>> {
  const require = createRequire(new URL('../../../apps/server/package.json', import.meta.url));
  const { parse } = (await import(require.resolve('csv-parse'))) as { parse: CsvParse };
  const db = openBareDatabase(job.dbPath);
  db.exec('CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY, data TEXT NOT NULL)');
  db.exec(`CREATE INDEX IF NOT EXISTS records_by_stage ON records (json_extract(data, '$.stage'))`);
  const insert = db.prepare('INSERT INTO records (data) VALUES (?)');
  const ids = dealsForm.fields.map((f) => f.id);
  const started = performance.now();
  let rows = 0;
  db.exec('BEGIN');
  const parser = createReadStream(job.csvPath, { highWaterMark: 256 * 1024 }).pipe(parse({ bom: true, from_line: 2 }));
  for await (const cells of parser as AsyncIterable<string[]>) {
    const data: Record<string, string> = {};
    cells.forEach((cell, i) => {
      if (cell !== '') data[ids[i]!] = cell;
    });
    insert.run(JSON.stringify(data));
    rows++;
  }
  db.exec('COMMIT');
  db.close();
  return { rows, failed: 0, seconds: (performance.now() - started) / 1000 };
}

const job = JSON.parse(process.argv[2]!) as ImportChildJob;
const startRssMiB = process.memoryUsage().rss / 1024 / 1024;
const cpuAtStart = process.cpuUsage();
(job.kind === 'formflow' ? formflowImport(job) : bareImport(job)).then(
  (result) => {
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    process.send?.({ ok: true, result: { ...result, cpuSeconds, startRssMiB } });
  },
  (error: unknown) => process.send?.({ ok: false, error: String((error as Error).stack ?? error) }),
);
process.on('message', (m) => {
  if (m === 'exit') process.exit(0);
});
