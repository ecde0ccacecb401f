import { parentPort, workerData } from 'node:worker_threads';
import { WriterLock } from '@formflow/store';
import { serveRowChecks } from './check-helper.js';
import { executeImport } from './execute-import.js';
import { CsvImportError } from './import-error.js';
import { previewImport } from './import-preview.js';
import type { HostMessage, WorkerInput, WorkerMessage } from './worker-protocol.js';

/**
 * The import worker thread, started by `spawn-import-worker` through `worker-bootstrap.mjs`. As a job host it runs the
 * jobs it is sent, one at a time, each on its own SQLite connection (`executeImport`), posting progress; it stays
 * loaded between jobs so a job does not pay the start-up again. As a preview worker it answers one preview and ends.
 * As a job's checking helper it checks the batches of rows the job sends it (`serveRowChecks`).
 */
const port = parentPort;
const send = (message: WorkerMessage): void => port?.postMessage(message);
const input = workerData as WorkerInput;

if (input.kind === 'checker') {
  if (port) serveRowChecks(port, input.setup);
} else if (input.kind === 'preview') {
  try {
    send({ type: 'preview', result: await previewImport(input.request) });
  } catch (error) {
    if (!(error instanceof CsvImportError)) throw error;
    send({ type: 'file-error', error: { code: error.code, message: error.localized, details: { ...error.details } } });
  }
} else {
  let queue = Promise.resolve();
  port?.on('message', (message: HostMessage) => {
    queue = queue.then(async () => {
      const { task } = message;
      const flag = new Int32Array(message.cancel);
      const result = await executeImport(task, {
        progress: (progress) => send({ type: 'progress', jobId: task.jobId, progress }),
        cancelled: () => Atomics.load(flag, 0) === 1,
        ...(message.writerLock ? { writerLock: new WriterLock(message.writerLock) } : {}),
      });
      send({ type: 'done', jobId: task.jobId, result });
    });
  });
}
