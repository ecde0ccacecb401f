import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';
import { CommentRepository } from './comment-repository.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let comments: CommentRepository;
let clock = Date.parse('2026-03-01T00:00:00.000Z');
beforeEach(() => {
  dir = tempDir();
  store = openStore({ path: dir.file('app.db') });
  comments = new CommentRepository(store.db, () => new Date((clock += 1000)));
});
afterEach(() => {
  store.close();
  dir.remove();
});

function record(workspaceId: string): string {
  const made = store.records.createRecord({ workspaceId, formId: 'f', formVersion: 1, data: {}, actor: 'm' });
  if (!made.ok) throw new Error('setup');
  return made.record.id;
}

describe('CommentRepository', () => {
  it('adds, lists oldest first with paging, gets and tombstones comments', () => {
    const recordId = record('wA');
    const first = comments.addComment({ workspaceId: 'wA', recordId, author: 'alice', body: '客户已回电 📞' });
    const second = comments.addComment({ workspaceId: 'wA', recordId, author: 'bob', body: 'second' });
    const third = comments.addComment({ workspaceId: 'wA', recordId, author: null, body: 'third' });
    expect(first.createdAt < second.createdAt).toBe(true);
    expect(comments.listComments('wA', recordId).map((c) => c.body)).toEqual(['客户已回电 📞', 'second', 'third']);
    expect(comments.listComments('wA', recordId, { limit: 2 }).map((c) => c.id)).toEqual([first.id, second.id]);
    expect(comments.listComments('wA', recordId, { after: second.id }).map((c) => c.id)).toEqual([third.id]);
    expect(comments.getComment('wA', first.id)).toEqual(first);

    expect(comments.deleteComment('wA', second.id)).toBe(true);
    expect(comments.deleteComment('wA', second.id)).toBe(false);
    expect(comments.getComment('wA', second.id)).toBeUndefined();
    expect(comments.listComments('wA', recordId).map((c) => c.id)).toEqual([first.id, third.id]);
    // The tombstone stays in the table.
    const row = store.db.prepare('SELECT deleted_at FROM comments WHERE id = ?').get(second.id) as {
      deleted_at: string | null;
    };
    expect(row.deleted_at).not.toBeNull();
  });

  it('never crosses workspaces', () => {
    const recordId = record('wA');
    const c = comments.addComment({ workspaceId: 'wA', recordId, author: 'alice', body: 'mine' });
    expect(comments.getComment('wB', c.id)).toBeUndefined();
    expect(comments.listComments('wB', recordId)).toEqual([]);
    expect(comments.deleteComment('wB', c.id)).toBe(false);
    expect(comments.getComment('wA', c.id)?.body).toBe('mine');
  });

  it('refuses a limit outside 1–500', () => {
    const recordId = record('wA');
    expect(() => comments.listComments('wA', recordId, { limit: 0 })).toThrow(RangeError);
    expect(() => comments.listComments('wA', recordId, { limit: 501 })).toThrow(RangeError);
  });
});
