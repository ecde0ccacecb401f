import { WriterLock } from '@formflow/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';
import { pollJob, setupImports, storedData, upload } from './testing/import-api.js';

const lock = new WriterLock();
let server: ApiTestServer;
beforeAll(async () => {
  server = await startApiServer({ writerLock: lock });
  await setupImports(server);
  // Load the worker thread first (it stays up between jobs), so the job below is timed without its start-up.
  const warm = await upload(server.owner, 'customers', '客户名称\r\n预热\r\n', 'warm.csv', { mode: 'allOrNothing' });
  const { jobId } = warm.body as { jobId: string };
  expect(((await pollJob(server.owner, jobId)).at(-1)!.body as { status: string }).status).toBe('succeeded');
});
afterAll(async () => server.close());

describe('an import job and the server’s writer lock', { timeout: 60_000 }, () => {
  it('the job’s worker thread takes the server’s lock for its transactions: it waits while the server holds it', async () => {
    // Play the server's side: hold the lock as a group-commit batch would (a batch lasts milliseconds; this, 1 s).
    const server_ = new WriterLock(lock.buffer);
    expect(server_.tryAcquire()).toBe(true);
    let releasedAt = 0;
    try {
      const started = await upload(server.owner, 'customers', '客户名称\r\n锁期间\r\n', '锁.csv', {
        mode: 'allOrNothing',
      });
      expect(started.status).toBe(202);
      const { jobId } = started.body as { jobId: string };
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const during = await server.owner.request('GET', `/api/v1/imports/${jobId}`);
      expect((during.body as { status: string }).status).not.toBe('succeeded');
      expect(storedData(server).map((d) => d['name'])).not.toContain('锁期间');
      releasedAt = Date.now();
      server_.release();
      const final = (await pollJob(server.owner, jobId)).at(-1)!.body as { status: string; finishedAt: string };
      expect(final.status).toBe('succeeded');
      expect(Date.parse(final.finishedAt)).toBeGreaterThanOrEqual(releasedAt - 5);
    } finally {
      if (!releasedAt) server_.release();
    }
    expect(storedData(server).map((d) => d['name'])).toContain('锁期间');
  });
});
