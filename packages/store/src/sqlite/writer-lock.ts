import { BUSY_TIMEOUT_MS } from './pragmas.js';

/**
 * One writer at a time among this process's SQLite connections on different threads (the server's, on the main
 * thread, and an import job's, on its worker), decided in shared memory before SQLite's write lock is asked for.
 *
 * Without it the main thread waited for the write lock inside SQLite: its busy handler sleeps the thread, so while an
 * import's final transaction held the lock (seconds, for a large all-or-nothing file) every write froze the whole
 * server, reads and health checks included, for up to the busy timeout. With it the main thread only ever *tries*
 * (`tryAcquire`) and defers its batch when a worker writes, serving other requests meanwhile; a worker may block
 * (`acquire`, `Atomics.wait`), since the main thread holds the lock for one batch of writes (milliseconds).
 * Connections of other processes are not covered: SQLite's busy timeout still applies to them.
 */
export class WriterLock {
  private readonly cell: Int32Array;

  /** Pass the `buffer` of another thread's lock to share it (the default is a new, free lock). */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(buffer);
  }

  /** Takes the lock if it is free; never waits. */
  tryAcquire(): boolean {
    return Atomics.compareExchange(this.cell, 0, 0, 1) === 0;
  }

  /**
   * Waits until the lock is free and takes it: true, or false after `timeoutMs` (then the caller goes on and SQLite's
   * busy timeout decides). Blocks the thread: for worker threads.
   */
  acquire(timeoutMs = BUSY_TIMEOUT_MS): boolean {
    const deadline = Date.now() + timeoutMs;
    while (!this.tryAcquire()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.cell, 0, 1, left);
    }
    return true;
  }

  release(): void {
    Atomics.store(this.cell, 0, 0);
    Atomics.notify(this.cell, 0);
  }

  /** Whether some thread holds it now. */
  get held(): boolean {
    return Atomics.load(this.cell, 0) === 1;
  }

  /** Runs `fn` holding the lock (waiting for it as `acquire` does); releases it however `fn` ends. */
  run<T>(fn: () => T, timeoutMs?: number): T {
    const acquired = this.acquire(timeoutMs);
    try {
      return fn();
    } finally {
      if (acquired) this.release();
    }
  }
}
