import type { Store } from '@formflow/store';

type Database = Store['db'];

class Abort<T> {
  constructor(readonly value: T) {}
}

type Pending = {
  fn: (abort: (value: never) => never) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

const abort = (value: unknown): never => {
  throw new Abort(value);
};

/**
 * Group commit for single-record writes. Writes queued during one turn of the event loop run in ONE immediate
 * transaction, each inside its own savepoint, and their promises settle after that transaction commits: a write
 * that aborts (a unique or version conflict) or throws rolls back only its savepoint, never its neighbours'.
 * Fifty concurrent creates then share one WAL commit instead of paying fifty, the largest single cost of a create.
 * Durability is unchanged: nobody hears "created" before the commit that holds their record.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Built once: better-sqlite3 makes a new wrapper per `db.transaction(fn)` call, a measurable cost per write. */
  private readonly inBatch: (run: () => void) => void;
  private readonly inSavepoint: (item: Pending) => unknown;

  constructor(
    private readonly db: Database,
    private readonly maxBatch = 128,
  ) {
    const batch = db.transaction((run: () => void) => run());
    this.inBatch = (run) => batch.immediate(run);
    // A nested better-sqlite3 transaction is a SAVEPOINT: a throw rolls back this item only.
    this.inSavepoint = db.transaction((item: Pending) => item.fn(abort));
  }

  /** Like `inTransaction`: `abort(value)` inside `fn` undoes what `fn` wrote and resolves with `value`. */
  run<T>(fn: (abort: (value: T) => never) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn: fn as Pending['fn'], resolve: resolve as Pending['resolve'], reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
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
