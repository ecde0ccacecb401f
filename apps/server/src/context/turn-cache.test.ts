import { setImmediate as nextTurn } from 'node:timers/promises';
import { openStore } from '@formflow/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../import/testing/import-fixtures.js';
import { TurnCache } from './turn-cache.js';

let db: ReturnType<typeof tempStore>;
beforeEach(() => {
  db = tempStore();
});
afterEach(() => db.close());

/** A reader that counts how often it really read. */
function counter(value: string | null = 'context') {
  const reader = { reads: 0, read: () => (reader.reads++, value) };
  return reader;
}

describe('TurnCache', () => {
  it('serves one read to every request of a turn, then reads again in the next turn', async () => {
    const turn = new TurnCache(db.store);
    const key = counter();
    expect([turn.get('k', key.read), turn.get('k', key.read), turn.get('k', key.read)]).toEqual(
      Array(3).fill('context'),
    );
    expect(key.reads).toBe(1);
    await nextTurn();
    expect(turn.get('k', key.read)).toBe('context');
    expect(key.reads).toBe(2);
  });

  it('keeps no negative answer: an unknown key is read again by the next request', () => {
    const turn = new TurnCache(db.store);
    const unknown = counter(null);
    expect(turn.get('bad', unknown.read)).toBeNull();
    expect(turn.get('bad', unknown.read)).toBeNull();
    expect(unknown.reads).toBe(2);
  });

  it('revalidate() drops the turn’s entries when another connection committed since they were read', () => {
    const ends: (() => void)[] = [];
    const turn = new TurnCache(db.store, (fn) => ends.push(fn));
    const key = counter();
    turn.get('k', key.read);
    turn.revalidate(); // nothing committed elsewhere: kept
    turn.get('k', key.read);
    expect(key.reads).toBe(1);
    // Our own connection's commits leave data_version alone (record writes must not empty the cache)…
    db.store.db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'w1', 'now')").run();
    turn.revalidate();
    turn.get('k', key.read);
    expect(key.reads).toBe(1);
    // …another connection's commit (a CLI command, another process) empties it.
    const other = openStore({ path: db.store.path });
    try {
      other.db.prepare("UPDATE workspaces SET name = 'renamed' WHERE id = 'w1'").run();
    } finally {
      other.close();
    }
    turn.revalidate();
    turn.get('k', key.read);
    expect(key.reads).toBe(2);
  });

  it('clear() empties it at once, within the turn', () => {
    const turn = new TurnCache(db.store, () => undefined);
    const key = counter();
    turn.get('k', key.read);
    turn.clear();
    turn.get('k', key.read);
    expect(key.reads).toBe(2);
  });
});
