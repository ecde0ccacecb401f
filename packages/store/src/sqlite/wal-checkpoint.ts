import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** Above this `-wal` size a RESTART checkpoint runs (RELIABILITY D3). SQLite's own auto-checkpoint is PASSIVE. */
export const WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024;

export type CheckpointResult = { walBytes: number; checkpointed: boolean; busy?: boolean };

/**
 * Checks the size of the database's `-wal` file and, above `thresholdBytes`, runs `wal_checkpoint(RESTART)`, which
 * copies the log into the database and lets the next writer start the log from the beginning. Readers in progress
 * keep it from finishing (`busy`); the next call tries again. For stores that checkpoint inline; the server's
 * checkpoint worker does the same with TRUNCATE (background-checkpointer.ts, TRUNCATE_ABOVE_BYTES).
 */
export function checkpointIfLarge(
  db: Database.Database,
  path: string,
  thresholdBytes: number = WAL_CHECKPOINT_BYTES,
): CheckpointResult {
  let walBytes: number;
  try {
    walBytes = statSync(`${path}-wal`).size;
  } catch {
    return { walBytes: 0, checkpointed: false };
  }
  if (walBytes <= thresholdBytes) return { walBytes, checkpointed: false };
  const [row] = db.pragma('wal_checkpoint(RESTART)') as { busy: number; log: number; checkpointed: number }[];
  return { walBytes, checkpointed: true, busy: (row?.busy ?? 0) !== 0 };
}
