import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker copies new WAL frames into the database. */
export const CHECKPOINT_INTERVAL_MS = 200;

/**
 * Above this `-wal` size the worker also runs `wal_checkpoint(TRUNCATE)` (RELIABILITY D3: RESTART above a threshold,
 * and the file emptied too): twice the serving connection's 64 MiB backstop, so it only acts when long readers kept
 * the log from starting over. It never waits: when a reader or the writer is in the way it tries again next tick.
 */
export const TRUNCATE_ABOVE_BYTES = 128 * 1024 * 1024;

export type CheckpointResultRow = { busy: number; log: number; checkpointed: number };

export type CheckpointerOptions = {
  /** The database file (its `-wal` is what gets checkpointed). */
  path: string;
  intervalMs?: number;
  truncateAboveBytes?: number;
  /** Called after each checkpoint that copied frames (tests, diagnostics). */
  onCheckpoint?: (result: CheckpointResultRow) => void;
  /** Called after each TRUNCATE attempt above `truncateAboveBytes` (`busy`: 1 when something was in the way). */
  onTruncate?: (result: CheckpointResultRow & { walBytes: number }) => void;
  /** Called when a checkpoint fails; the next tick tries again. */
  onError?: (message: string) => void;
};

export type BackgroundCheckpointer = {
  /** Asks the worker for a last checkpoint and to close its connection; resolves once it has exited. */
  stop(): Promise<void>;
};

/**
 * The worker: its own connection, `wal_checkpoint(PASSIVE)` every tick, and TRUNCATE when the log file has grown past
 * `truncateAboveBytes`. Neither waits for the writer or readers (busy_timeout 0): PASSIVE copies what it safely can,
 * TRUNCATE gives up when something is in the way, and the next tick tries again. Plain CommonJS evaluated as a string, so it runs
 * the same under tsx, vitest and a built server; `better-sqlite3` is resolved by the caller (pnpm does not hoist it).
 */
const WORKER_SOURCE = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('wal_autocheckpoint = 0');
let stopped = false;
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.checkpointed > 0) parentPort.postMessage({ type: 'checkpoint', busy: r.busy, log: r.log, checkpointed: r.checkpointed });
    let walBytes = 0;
    try { walBytes = statSync(workerData.path + '-wal').size; } catch { walBytes = 0; }
    if (walBytes > workerData.truncateAboveBytes) {
      const [t] = db.pragma('wal_checkpoint(TRUNCATE)');
      parentPort.postMessage({ type: 'truncate', busy: t.busy, log: t.log, checkpointed: t.checkpointed, walBytes });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String((error && error.message) || error) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop' || stopped) return;
  stopped = true;
  clearInterval(timer);
  tick();
  db.close();
  parentPort.close();
});
`;

type WorkerMessage =
  | { type: 'checkpoint'; busy: number; log: number; checkpointed: number }
  | { type: 'truncate'; busy: number; log: number; checkpointed: number; walBytes: number }
  | { type: 'error'; message: string };

/**
 * Copies the WAL into the database on a worker thread with its own connection (SQLite's documentation suggests a
 * separate checkpointing thread for write-heavy applications), so the thread that serves requests rarely copies
 * pages or waits for the database file's fsync. The serving connection keeps a large auto-checkpoint as the backstop
 * that lets the log start over: when it runs, the worker has already copied nearly everything. Durability is
 * unchanged: a commit is durable once its frames are in the WAL; only who copies them into the file changes.
 */
export function startBackgroundCheckpointer(options: CheckpointerOptions): BackgroundCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      path: options.path,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      truncateAboveBytes: options.truncateAboveBytes ?? TRUNCATE_ABOVE_BYTES,
    },
  });
  worker.unref();
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'checkpoint') options.onCheckpoint?.(message);
    else if (message.type === 'truncate') options.onTruncate?.(message);
    else options.onError?.(message.message);
  });
  worker.on('error', (error) => options.onError?.(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      worker.postMessage('stop');
      await exited;
    },
  };
}
