import type { ImportJob, ImportJobRowError } from '@formflow/store';
import { CSV_BOM, formatCsvRow } from './csv-export.js';
import type { ImportPhase, ImportProgress } from './import-task.js';

export type ImportStatusView = {
  id: string;
  formId: string;
  status: ImportJob['status'];
  /** queued → reading (checking rows) → writing (allOrNothing's one transaction) → done. */
  phase: ImportPhase;
  mode: ImportJob['mode'];
  fileName: string | null;
  percent: number;
  rowsDone: number;
  totalRows: number | null;
  rowsImported: number;
  rowsUpdated: number;
  rowsSkipped: number;
  rowsFailed: number;
  etaSeconds: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
};

/**
 * A job as the web shows it while it runs: the job row, refreshed with the live progress the worker posts (during an
 * allOrNothing write transaction the row cannot be updated, so the live copy is the only fresh one). `percent` is
 * 100 only for a succeeded job; `etaSeconds` extrapolates the elapsed time once 1% is done.
 */
export function importStatusView(
  job: ImportJob,
  live: ImportProgress | null | undefined,
  now: Date,
  locale: 'zh-CN' | 'en',
): ImportStatusView {
  const running = job.status === 'running';
  const counts = running && live ? live : job;
  const phase: ImportPhase = job.status === 'queued' ? 'queued' : running ? (live?.phase ?? 'reading') : 'done';
  let fraction: number;
  if (job.status === 'succeeded') fraction = 1;
  else if (running && live) fraction = live.fraction;
  else if (counts.totalRows) fraction = Math.min(1, counts.rowsDone / counts.totalRows);
  else fraction = 0;
  const percent = job.status === 'succeeded' ? 100 : Math.min(99, Math.floor(fraction * 100));
  let etaSeconds: number | null = null;
  if (running && job.startedAt && fraction >= 0.01) {
    const elapsed = Math.max(0, now.getTime() - Date.parse(job.startedAt)) / 1000;
    etaSeconds = Math.round((elapsed * (1 - fraction)) / fraction);
  }
  return {
    id: job.id,
    formId: job.formId,
    status: job.status,
    phase,
    mode: job.mode,
    fileName: job.fileName,
    percent,
    rowsDone: counts.rowsDone,
    totalRows: counts.totalRows,
    rowsImported: counts.rowsImported,
    rowsUpdated: counts.rowsUpdated,
    rowsSkipped: counts.rowsSkipped,
    rowsFailed: counts.rowsFailed,
    etaSeconds,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error ? { code: job.error.code, message: job.error.message[locale] } : null,
  };
}

/**
 * The per-row error report as CSV for Excel (UTF-8 with BOM, CRLF): row, column, cell value, message in the caller's
 * language. Every text cell is formula-guarded (a cell value like `=HYPERLINK(…)` is written as `'=HYPERLINK(…)`,
 * RELIABILITY I3). When the report was capped, a last line says how many rows failed in all.
 */
export function errorReportCsv(
  errors: readonly ImportJobRowError[],
  rowsFailed: number,
  locale: 'zh-CN' | 'en',
): string {
  const zh = locale === 'zh-CN';
  const parts = [CSV_BOM, formatCsvRow(zh ? ['行号', '列', '值', '错误'] : ['Row', 'Column', 'Value', 'Error'])];
  for (const e of errors) parts.push(formatCsvRow([e.row, e.column, e.value ?? '', e.message[locale]]));
  const reported = new Set(errors.map((e) => e.row)).size;
  if (reported < rowsFailed) {
    const more = zh
      ? `仅列出前 ${reported} 行的错误，共 ${rowsFailed} 行有错误`
      : `Only the first ${reported} failed rows are listed; ${rowsFailed} rows failed in all`;
    parts.push(formatCsvRow(['', '', '', more]));
  }
  return parts.join('');
}
