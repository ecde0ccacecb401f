/**
 * `npx tsx src/profile-create.ts [deals|leads] [--rep]` (from bench/server): a CPU profile of the records route's
 * create at 50 connections, as the create benchmark drives it, with the hottest functions by self and inclusive
 * time. `deals` is the CRM form (its views' indexes), `leads` the one-view form. The `.cpuprofile` is written to a
 * temp folder (open it in Chrome's DevTools). Not part of `pnpm bench:server`: a tool for finding where time goes.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mintCallers,
  ONE_VIEW_FORM_ID,
  openBenchStore,
  setUpCrm,
  setUpOneViewForm,
  startFormflow,
} from './formflow-harness.js';
import { LoadClient } from './load-client.js';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
};

const args = process.argv.slice(2);
const formId = args.includes('leads') ? ONE_VIEW_FORM_ID : 'deals';
const dir = mkdtempSync(join(tmpdir(), 'formflow-profile-'));
const store = openBenchStore(join(dir, 'formflow.db'));
const setup = await setUpCrm(store);
setUpOneViewForm(store, setup);
const callers = mintCallers(store, setup);
const caller = args.includes('--rep') ? callers.rep : callers.ownerKey;
const formflow = await startFormflow(store);
const load = new LoadClient();
const job = (from: number, durationSec: number) => ({
  base: formflow.base,
  path: `/api/v1/forms/${formId}/records`,
  headers: caller.headers,
  connections: 50,
  durationSec,
  bodies: { from, count: 5000, owners: caller === callers.rep ? [caller.memberId] : setup.salesIds },
  wrap: 'data',
});

try {
  await load.cannon(job(1_000, 3)); // warm-up
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const before = process.cpuUsage();
  const result = await load.cannon(job(10_000, 8));
  const cpu = process.cpuUsage(before);
  const { profile } = await session.post('Profiler.stop');
  const file = join(dir, 'create.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${formId}, ${caller.name}: ${Math.round(result.requestsPerSec)} req/s, p50 ${result.latencyMs.p50} ms, ` +
      `p99 ${result.latencyMs.p99} ms, ${Math.round((cpu.user + cpu.system) / result.total)} µs CPU/request ` +
      `(process: all threads)\nprofile: ${file}`,
  );
  report(profile.nodes as ProfileNode[]);
} finally {
  load.close();
  await formflow.close();
  store.close();
}

function report(nodes: ProfileNode[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = nodes.reduce((sum, n) => sum + n.hitCount, 0);
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').slice(-1)[0] ?? '';
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const n of nodes) {
    self.set(label(n), (self.get(label(n)) ?? 0) + n.hitCount);
    const seen = new Set<string>();
    for (let at: number | undefined = n.id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + n.hitCount);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([l, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${l}`)
      .join('\n');
  console.log(`\nself time\n${top(self, 30)}\n\ninclusive time\n${top(inclusive, 60)}`);
}
