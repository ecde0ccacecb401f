import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WriterLock } from './writer-lock.js';

describe('WriterLock', () => {
  it('admits one holder at a time; tryAcquire never waits', () => {
    const lock = new WriterLock();
    const other = new WriterLock(lock.buffer); // the same lock, as another thread sees it
    expect(lock.tryAcquire()).toBe(true);
    expect(other.held).toBe(true);
    expect(other.tryAcquire()).toBe(false);
    lock.release();
    expect(other.tryAcquire()).toBe(true);
    other.release();
    expect(lock.held).toBe(false);
  });

  it('acquire gives up after its timeout while another thread holds it', () => {
    const lock = new WriterLock();
    expect(lock.tryAcquire()).toBe(true);
    const started = Date.now();
    expect(new WriterLock(lock.buffer).acquire(60)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    lock.release();
  });

  it('run releases the lock however the function ends', () => {
    const lock = new WriterLock();
    expect(lock.run(() => lock.held)).toBe(true);
    expect(lock.held).toBe(false);
    expect(() =>
      lock.run(() => {
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(lock.held).toBe(false);
  });

  it('a worker thread waiting in acquire takes the lock only once it is released, and at once', async () => {
    const lock = new WriterLock();
    expect(lock.tryAcquire()).toBe(true);
    // The worker blocks in Atomics.wait (as an import's writer does) and reports when it got the lock.
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const cell = new Int32Array(workerData);
       parentPort.postMessage('waiting');
       while (Atomics.compareExchange(cell, 0, 0, 1) !== 0) Atomics.wait(cell, 0, 1, 5000);
       parentPort.postMessage(Date.now());
       Atomics.store(cell, 0, 0);`,
      { eval: true, workerData: lock.buffer },
    );
    const messages: (string | number)[] = [];
    const next = () => new Promise<string | number>((resolve) => worker.once('message', resolve));
    try {
      messages.push(await next());
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lock.held).toBe(true); // still ours: the worker is waiting
      const acquired = next();
      const releasedAt = Date.now();
      lock.release();
      const acquiredAt = (await acquired) as number;
      expect(messages).toEqual(['waiting']);
      expect(acquiredAt).toBeGreaterThanOrEqual(releasedAt);
      expect(acquiredAt - releasedAt).toBeLessThan(1000);
    } finally {
      await worker.terminate();
    }
  });
});
