import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TurnCache } from '../context/turn-cache.js';
import { tempStore } from '../import/testing/import-fixtures.js';
import { registerTurnCacheClearing } from './turn-cache-clearing.js';

let db: ReturnType<typeof tempStore>;
beforeEach(() => {
  db = tempStore();
});
afterEach(() => db.close());

describe('registerTurnCacheClearing', () => {
  it('a write route clears the turn cache before it answers; reads and record-only writes keep it', async () => {
    // Turns end only by hand here, so an entry can only go because a route cleared it.
    const turn = new TurnCache(db.store, () => undefined);
    const app = Fastify();
    registerTurnCacheClearing(app, turn);
    let entryAtAnswer: boolean | undefined;
    const probe = () => {
      let read = false;
      turn.get('caller', () => ((read = true), 'context'));
      return !read;
    };
    app.get('/read', async () => ({ ok: true }));
    app.post('/revoke', async () => ({ ok: true }));
    app.delete('/member', async () => ({ ok: true }));
    app.post('/records', { config: { writesRecordsOnly: true } }, async () => ({ ok: true }));
    app.addHook('onResponse', async () => {
      entryAtAnswer = probe();
    });
    try {
      const kept = async (method: 'GET' | 'POST' | 'DELETE', url: string) => {
        turn.get('caller', () => 'context');
        const res = await app.inject({ method, url });
        expect(res.statusCode).toBe(url === '/no-such-route' ? 404 : 200);
        return entryAtAnswer;
      };
      expect(await kept('GET', '/read')).toBe(true);
      expect(await kept('POST', '/records')).toBe(true);
      expect(await kept('POST', '/revoke')).toBe(false);
      expect(await kept('DELETE', '/member')).toBe(false);
      expect(await kept('POST', '/no-such-route')).toBe(false);
    } finally {
      await app.close();
    }
  });
});
