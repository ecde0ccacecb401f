import type { Worker } from 'node:worker_threads';
import { unpackChecks, type CheckAnswer, type CheckerSetup, type CheckRequest } from './check-helper.js';
import { tooManyRows } from './parse-csv-import.js';
import type { CheckedRow, NewRowCheck, RowChecker } from './row-checker.js';
import { JOB_WORKER_LIMITS, startWorker, type WorkerLimits } from './spawn-import-worker.js';

/** Batches sent to the helper and not yet answered, at most: beyond, the job's thread checks the batch itself. */
const HELPER_AHEAD = 4;
/** Batches read ahead of the one being written, at most (bounds memory while the helper is slow). */
const MAX_AHEAD = 10;

/** Data rows numbered from 1 in file order, TOO_MANY_ROWS beyond `maxRows`. */
async function* numbered(
  batches: AsyncIterable<string[][]>,
  maxRows: number,
): AsyncGenerator<{ firstRow: number; rows: string[][] }> {
  let next = 1;
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    const firstRow = next;
    next += rows.length;
    if (next - 1 > maxRows) throw tooManyRows(maxRows);
    yield { firstRow, rows };
  }
}

/** Every data row checked on this thread, in order, one batch per batch read. */
export async function* checkRowsHere(
  batches: AsyncIterable<string[][]>,
  checker: RowChecker,
  maxRows: number,
): AsyncGenerator<CheckedRow[]> {
  for await (const { firstRow, rows } of numbered(batches, maxRows)) {
    yield rows.map((cells, i) => checker.check(cells, firstRow + i));
  }
}

/**
 * A second thread that checks rows for a job (`serveRowChecks`): parsing cells, the engine's validation and the
 * stored text of each record are most of a job's work and need no database, so two cores share them.
 */
export class CheckHelper {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { firstRow: number; resolve(r: NewRowCheck[]): void; reject(e: Error): void }
  >();
  private seq = 0;
  private failure: Error | null = null;
  /** Batches answered so far. */
  answered = 0;

  constructor(setup: CheckerSetup, limits: WorkerLimits = JOB_WORKER_LIMITS) {
    this.worker = startWorker({ kind: 'checker', setup }, limits);
    this.worker.on('message', (answer: CheckAnswer) => {
      const waiter = this.waiting.get(answer.seq);
      this.waiting.delete(answer.seq);
      this.answered += 1;
      waiter?.resolve(unpackChecks(answer, waiter.firstRow));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the import checking thread ended')));
  }

  /** Batches asked and not answered yet. */
  get busy(): number {
    return this.waiting.size;
  }

  check(firstRow: number, rows: string[][]): Promise<NewRowCheck[]> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    const answer = new Promise<NewRowCheck[]>((resolve, reject) =>
      this.waiting.set(seq, { firstRow, resolve, reject }),
    );
    const request: CheckRequest = { seq, firstRow, rows };
    this.worker.postMessage(request);
    return answer;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the import checking thread was closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}

type Pending = { firstRow: number; rows: string[][]; checked: NewRowCheck[] | null; answer?: Promise<NewRowCheck[]> };

/**
 * Every data row checked, in order, the work shared with `helper`: a batch goes to the helper while fewer than
 * HELPER_AHEAD of its batches are unanswered, else this thread checks it (`checkAsNew`), so each thread takes what
 * it has time for. The database part (dedupe, 查重 within the file) is then done here, in row order
 * (`RowChecker.finish`): the result is exactly `checkRowsHere`'s.
 */
export async function* checkRowsWithHelper(
  batches: AsyncIterable<string[][]>,
  checker: RowChecker,
  helper: CheckHelper,
  options: { maxRows: number },
): AsyncGenerator<CheckedRow[]> {
  const queue: Pending[] = [];
  const finish = async (pending: Pending): Promise<CheckedRow[]> => {
    const checked = pending.checked ?? (await pending.answer!);
    return checked.map((row, i) => checker.finish(row, pending.rows[i]!));
  };
  for await (const { firstRow, rows } of numbered(batches, options.maxRows)) {
    const pending: Pending = { firstRow, rows, checked: null };
    if (helper.busy < HELPER_AHEAD) {
      pending.answer = helper.check(firstRow, rows);
      // Marks the batch ready; a failure is thrown where the batch is awaited.
      pending.answer.then(
        (checked) => (pending.checked = checked),
        () => undefined,
      );
    } else {
      pending.checked = rows.map((cells, i) => checker.checkAsNew(cells, firstRow + i, true));
    }
    queue.push(pending);
    while (queue.length > 0 && (queue[0]!.checked !== null || queue.length > MAX_AHEAD)) {
      yield await finish(queue.shift()!);
    }
  }
  while (queue.length > 0) yield await finish(queue.shift()!);
}
