import type { MessagePort } from 'node:worker_threads';
import type { RecordData } from '@formflow/store';
import { buildRowChecker, headerOf } from './build-row-checker.js';
import type { ImportTask } from './import-task.js';
import type { NewRowCheck, UniqueValue } from './row-checker.js';
import type { RowError } from './row-to-values.js';

/**
 * What a row-checking helper thread needs to check rows exactly as its job's own checker would. Only for forms whose
 * new records' stored text can be computed ahead (no serial fields): the helper always computes it.
 */
export type CheckerSetup = {
  task: ImportTask;
  /** The file's header row (mapped again here, with the task's mapping). */
  header: string[];
  jobTime: Date;
};

/** One batch of data rows to check: `rows[i]` is data row `firstRow + i`. */
export type CheckRequest = { seq: number; firstRow: number; rows: string[][] };

/**
 * The checked batch, packed as a few flat arrays (copying one object per row between threads would cost more than
 * half of checking it): `data[i]`/`search[i]` the stored text of row i, or null when it failed (`failed`); the
 * per-row details only the job's thread needs, for forms that have them.
 */
export type CheckAnswer = {
  seq: number;
  data: (string | null)[];
  search: (string | null)[];
  failed: { index: number; errors: RowError[] }[];
  /** With a dedupe field: the folded dedupe value of each row. */
  dedupeKeys?: (string | null)[];
  /** With unique fields: each row's unique keys, and its unique fields' values (for conflict messages). */
  unique?: { keys: (string | null)[]; values: RecordData; found: UniqueValue[] }[];
};

/** Packs the checks of one batch (see `CheckAnswer`). */
export function packChecks(seq: number, checks: readonly NewRowCheck[], setup: CheckerSetup): CheckAnswer {
  const { uniqueFields, options } = setup.task;
  const answer: CheckAnswer = { seq, data: [], search: [], failed: [] };
  if (options.dedupe) answer.dedupeKeys = [];
  if (uniqueFields.length > 0) answer.unique = [];
  checks.forEach((checked, index) => {
    answer.dedupeKeys?.push(checked.dedupeKey);
    if (checked.kind === 'failed' || !checked.prepared) {
      answer.data.push(null);
      answer.search.push(null);
      if (checked.kind === 'failed') answer.failed.push({ index, errors: checked.errors });
      answer.unique?.push({ keys: [], values: {}, found: [] });
      return;
    }
    answer.data.push(checked.prepared.data);
    answer.search.push(checked.prepared.search);
    if (answer.unique) {
      const values: RecordData = {};
      for (const id of uniqueFields) if (checked.values[id] !== undefined) values[id] = checked.values[id]!;
      answer.unique.push({ keys: checked.prepared.keys, values, found: checked.unique });
    }
  });
  return answer;
}

/** The checks of a batch again, from its packed answer (`firstRow`: the batch's first data row). */
export function unpackChecks(answer: CheckAnswer, firstRow: number): NewRowCheck[] {
  const failures = new Map(answer.failed.map((f) => [f.index, f.errors]));
  return answer.data.map((data, index): NewRowCheck => {
    const row = firstRow + index;
    const dedupeKey = answer.dedupeKeys?.[index] ?? null;
    const errors = failures.get(index);
    if (errors) return { kind: 'failed', row, errors, dedupeKey };
    const unique = answer.unique?.[index];
    return {
      kind: 'candidate',
      row,
      values: unique?.values ?? {},
      unique: unique?.found ?? [],
      prepared: { data: data!, search: answer.search[index]!, keys: unique?.keys ?? [] },
      dedupeKey,
    };
  });
}

/**
 * The helper thread's side: answers each `CheckRequest` with `RowChecker.checkAsNew` of every row (parse the cells,
 * validate with the engine, compute the stored text), packed. Runs no database access.
 */
export function serveRowChecks(port: MessagePort, setup: CheckerSetup): void {
  const { task } = setup;
  const checker = buildRowChecker(task, headerOf(task, setup.header), setup.jobTime, null, null);
  port.on('message', (request: CheckRequest) => {
    const checks = request.rows.map((cells, i) => checker.checkAsNew(cells, request.firstRow + i, true));
    port.postMessage(packChecks(request.seq, checks, setup));
  });
}
