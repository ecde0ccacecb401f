import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CannonJob, CannonResult, SequentialJob, SequentialResult } from './load-jobs.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The parent's handle on the load child (load-child.ts, forked with tsx): the server under test runs in this
 * process, the load in the child, so on the 2-core machine each has a core.
 */
export class LoadClient {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./load-child.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.ok) p.resolve(message.result);
      else p.reject(new Error(`load child: ${message.error ?? 'failed'}`));
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`load child exited with ${String(code)}`));
      this.pending.clear();
    });
  }

  private send<T>(job: CannonJob | SequentialJob): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...job, id });
    });
  }

  cannon(job: Omit<CannonJob, 'kind'>): Promise<CannonResult> {
    return this.send({ kind: 'cannon', ...job });
  }

  sequential(job: Omit<SequentialJob, 'kind'>): Promise<SequentialResult> {
    return this.send({ kind: 'sequential', ...job });
  }

  close(): void {
    this.child.disconnect();
  }
}
