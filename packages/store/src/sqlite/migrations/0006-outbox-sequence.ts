import type { Migration } from '../migration.js';

const COLUMNS = 'workspace_id, topic, payload, created_at, available_at, attempts, status, last_error';

/**
 * The outbox keyed by SQLite's rowid (`id INTEGER PRIMARY KEY`): messages are numbered in commit order, and a
 * record write adds one row to one B-tree. It was keyed by a random-tailed UUID with a `(status, available_at)`
 * index: three B-tree inserts and a UUID per write, about 8% of a create's CPU under load (bench/server profile).
 * The outbox holds undelivered messages only (a dispatcher deletes a message once delivered and moves a dead one
 * out), so it stays small and is read in `id` order without an index. Existing rows keep their order.
 */
export const migration0006: Migration = {
  id: '0006',
  name: 'outbox-sequence',
  rebuildsTables: true,
  statements: [
    `CREATE TABLE outbox_new (
      id INTEGER PRIMARY KEY,
      workspace_id TEXT,
      topic TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      available_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL DEFAULT 'pending',
      last_error TEXT
    )`,
    `INSERT INTO outbox_new (${COLUMNS}) SELECT ${COLUMNS} FROM outbox ORDER BY created_at, id`,
    'DROP TABLE outbox',
    'ALTER TABLE outbox_new RENAME TO outbox',
  ],
};
