import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../testing/temp-database.js';
import { runMigrations } from '../run-migrations.js';
import { SQLITE_MIGRATIONS } from './index.js';

const temp = useTempDatabase();

describe('migration 0006 (outbox sequence)', () => {
  it('keys the outbox by rowid in commit order, keeping every undelivered message, with no extra index', () => {
    const { db } = temp;
    runMigrations(
      db,
      SQLITE_MIGRATIONS.filter((m) => m.id < '0006'),
    );
    // UUID ids whose order disagrees with the time order: the time order wins.
    db.exec(`INSERT INTO outbox (id, workspace_id, topic, payload, created_at, available_at, attempts, status, last_error)
      VALUES ('0199-c', 'w1', 'record.created', '{"n":1}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 0, 'pending', NULL),
             ('0199-a', 'w1', 'record.updated', '{"n":2}', '2026-11-01T00:00:01.000Z', '2026-11-01T00:05:00.000Z', 2, 'pending', 'timeout'),
             ('0199-b', NULL, 'system.ping', '{"n":3}', '2026-11-01T00:00:02.000Z', '2026-11-01T00:00:02.000Z', 0, 'pending', NULL)`);
    expect(runMigrations(db, SQLITE_MIGRATIONS)).toEqual(['0006']);
    expect(db.prepare('SELECT id, topic, payload, attempts, last_error FROM outbox ORDER BY id').all()).toEqual([
      { id: 1, topic: 'record.created', payload: '{"n":1}', attempts: 0, last_error: null },
      { id: 2, topic: 'record.updated', payload: '{"n":2}', attempts: 2, last_error: 'timeout' },
      { id: 3, topic: 'system.ping', payload: '{"n":3}', attempts: 0, last_error: null },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'outbox' AND type = 'index'").all()).toEqual([]);
    // New messages follow on.
    db.prepare(
      "INSERT INTO outbox (workspace_id, topic, payload, created_at, available_at) VALUES ('w1', 't', '{}', 'a', 'a')",
    ).run();
    expect(db.prepare('SELECT max(id) AS id FROM outbox').get()).toEqual({ id: 4 });
  });
});
