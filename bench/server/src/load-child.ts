/**
 * The load generator, run as a child process (`fork` from load-client.ts) so that it has a core of its own and the
 * server under test keeps the parent's event loop to itself. Jobs arrive over IPC; results go back the same way.
 */
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { dealRecords } from './crm-data.js';
import type { CannonJob, CannonResult, LoadJob, SequentialJob, SequentialResult } from './load-jobs.js';

async function cannon(job: CannonJob): Promise<CannonResult> {
  const bodies = dealRecords(job.bodies.count, job.bodies.owners, job.bodies.from).map((d) =>
    Buffer.from(JSON.stringify(job.wrap ? { [job.wrap]: d } : d)),
  );
  let next = 0;
  let firstFailure: string | undefined;
  const result = await autocannon({
    url: job.base,
    connections: job.connections,
    duration: job.durationSec,
    requests: [
      {
        method: 'POST',
        path: job.path,
        headers: { 'content-type': 'application/json', ...job.headers },
        setupRequest: (req) => {
          req.body = bodies[next++ % bodies.length]!;
          return req;
        },
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && firstFailure === undefined) firstFailure = `${status} ${body}`;
        },
      },
    ],
  });
  return {
    requestsPerSec: result.requests.total / (result.duration || job.durationSec),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    firstFailure: firstFailure?.slice(0, 500),
  };
}

/** Requests one after another on one keep-alive connection, each timed from write to the last byte. */
async function sequential(job: SequentialJob): Promise<SequentialResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(job.base);
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let firstFailure: string | undefined;
  const lastBodies: string[] = [];
  const began = performance.now();
  for (let r = 0; r < job.repeat; r++) {
    if (r > 0 && job.budgetMs !== undefined && performance.now() - began > job.budgetMs) break;
    for (const [i, spec] of job.requests.entries()) {
      const body = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body));
      const started = performance.now();
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: spec.method,
            path: spec.path,
            headers: {
              ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
              ...spec.headers,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      latenciesMs.push(performance.now() - started);
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if ((status < 200 || status > 299) && firstFailure === undefined) firstFailure = `${status} ${text}`;
      if (r === 0) lastBodies[i] = text.slice(0, job.keepBodyChars ?? 0);
    }
  }
  agent.destroy();
  return { latenciesMs, statuses, firstFailure: firstFailure?.slice(0, 500), bodies: lastBodies };
}

process.on('message', (message: LoadJob & { id: number }) => {
  const run = message.kind === 'cannon' ? cannon(message) : sequential(message);
  run.then(
    (result) => process.send?.({ id: message.id, ok: true, result }),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: String((error as Error).stack ?? error) }),
  );
});
