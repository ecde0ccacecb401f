import { openStore, type Store } from '../store.js';
import { tempDir } from './temp-dir.js';

/** A real SQLite store in a temp folder with workspaces `wA` and `wB` (tests only). */
export function openTestStore(now?: () => Date): { store: Store; close(): void } {
  const dir = tempDir('formflow-test-');
  const store = openStore({ path: dir.file('app.db'), ...(now ? { now } : {}) });
  const insert = store.db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)');
  for (const ws of ['wA', 'wB']) insert.run(ws, ws, '2026-01-01T00:00:00.000Z');
  return {
    store,
    close: () => {
      store.close();
      dir.remove();
    },
  };
}
