import type { Store, WriterLock } from '@formflow/store';

type Database = Store['db'];

class Abort<T> {
  constructor(readonly value: T) {}
}

type Pending = {
  fn: (abort: (value: never) => never) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  queuedAt: number;
};

const abort = (value: unknown): never => {
  throw new Abort(value);
};

/** How often a batch that found the writer lock taken tries again (the event loop runs meanwhile). */
const LOCK_RETRY_MS = 5;

/**
 * How long a queued write waits for the writer lock before it fails as busy. Waiting costs the server nothing (the
 * event loop runs), so it is longer than SQLite's busy timeout: an all-or-nothing import of 1,000,000 rows holds
 * the lock for its final transaction, ~13 s on the benchmark machine, and writes made meanwhile should land, late.
 */
export const WRITE_QUEUE_TIMEOUT_MS = 30_000;

/** The writer lock stayed taken past the wait: answered like SQLite's own busy error (503, Retry-After). */
class WriterLockBusy extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor() {
    super('the database is busy: another connection of this server is writing (an import)');
  }
}

export type GroupCommitOptions = {
  /** Writes queued beyond this run in the next batch. */
  maxBatch?: number;
  /**
   * Shared with the import worker's connection: a batch starts only when it can take the lock, so the main thread
   * never sleeps inside SQLite waiting for a worker's transaction (see `WriterLock`).
   */
  lock?: WriterLock;
  /** How long queued writes wait for the lock before they fail as busy (default `WRITE_QUEUE_TIMEOUT_MS`). */
  lockTimeoutMs?: number;
};

/**
 * Group commit for record writes (create, edit, delete, restore, batch, public submissions). Writes queued during
 * one turn of the event loop run in ONE immediate transaction, each inside its own savepoint, and their promises
 * settle after that transaction commits: a write that aborts (a unique or version conflict) or throws rolls back
 * only its savepoint, never its neighbours'. Fifty concurrent creates then share one WAL commit instead of paying
 * fifty, the largest single cost of a create. Durability is unchanged: nobody hears "created" before the commit that
 * holds their record. A batch starts only once it holds the writer lock, so these writes wait for an import's
 * transaction without stopping the event loop.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly lock: WriterLock | undefined;
  private readonly lockTimeoutMs: number;
  /** Built once: better-sqlite3 makes a new wrapper per `db.transaction(fn)` call, a measurable cost per write. */
  private readonly inBatch: (run: () => void) => void;
  private readonly inSavepoint: (item: Pending) => unknown;

  constructor(
    private readonly db: Database,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 128;
    this.lock = options.lock;
    this.lockTimeoutMs = options.lockTimeoutMs ?? WRITE_QUEUE_TIMEOUT_MS;
    const batch = db.transaction((run: () => void) => run());
    this.inBatch = (run) => batch.immediate(run);
    // A nested better-sqlite3 transaction is a SAVEPOINT: a throw rolls back this item only.
    this.inSavepoint = db.transaction((item: Pending) => item.fn(abort));
  }

  /** Like `inTransaction`: `abort(value)` inside `fn` undoes what `fn` wrote and resolves with `value`. */
  run<T>(fn: (abort: (value: T) => never) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        fn: fn as Pending['fn'],
        resolve: resolve as Pending['resolve'],
        reject,
        queuedAt: Date.now(),
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    if (this.lock && !this.lock.tryAcquire()) {
      this.waitForLock();
      return;
    }
    try {
      this.flushBatch();
    } finally {
      this.lock?.release();
    }
  }

  /** Another thread writes: try again shortly; a write queued longer than the timeout fails as busy. */
  private waitForLock(): void {
    const now = Date.now();
    const waiting: Pending[] = [];
    for (const item of this.queue) {
      if (now - item.queuedAt >= this.lockTimeoutMs) item.reject(new WriterLockBusy());
      else waiting.push(item);
    }
    this.queue = waiting;
    if (waiting.length === 0) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), LOCK_RETRY_MS);
  }

  private flushBatch(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.inBatch(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: this.inSavepoint(item) });
          } catch (error) {
            // SQLite rolled back the whole transaction (I/O error, disk full without a statement journal…): stop
            // here, so no later write runs outside it; the outer catch fails the whole batch.
            if (!this.db.inTransaction) throw error;
            outcomes.push(error instanceof Abort ? { ok: true, value: error.value } : { ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }
}
