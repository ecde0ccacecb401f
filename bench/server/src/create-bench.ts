import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBareCreateServer } from './bare-server.js';
import { dealRecords } from './crm-data.js';
import {
  formIndexSql,
  mintCallers,
  ONE_VIEW_FORM_ID,
  openBenchStore,
  setUpCrm,
  setUpOneViewForm,
  startFormflow,
} from './formflow-harness.js';
import type { LoadClient } from './load-client.js';
import type { CannonResult } from './load-jobs.js';
import { fmtInt, fmtMs, median, table } from './stats.js';

export type CreateBenchOptions = { rounds: number; durationSec: number; connections: number };

type Contestant = {
  name: string;
  base: string;
  path: string;
  headers: Record<string, string>;
  owners: string[];
  wrap?: string;
};

/**
 * Finds how the records route takes a record: `{ data: {…} }` or the bare data object. Answers undefined when the
 * route does not exist yet (404 "no route").
 */
async function probeCreate(
  base: string,
  path: string,
  headers: Record<string, string>,
  sample: unknown,
): Promise<{ wrap?: string; status: number; text: string } | undefined> {
  let last = { status: 0, text: '' };
  for (const wrap of ['data', undefined]) {
    const response = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(wrap ? { [wrap]: sample } : sample),
    });
    const text = await response.text();
    if (response.status === 404 && text.includes('no route')) return undefined;
    if (response.status === 201 || response.status === 200)
      return { ...(wrap ? { wrap } : {}), status: response.status, text };
    last = { status: response.status, text };
  }
  throw new Error(`the records route refused a valid deal: ${last.status} ${last.text.slice(0, 500)}`);
}

/**
 * Target 1: single-record create over HTTP with 50 connections. Contestants take turns (bare, Formflow with the
 * owner's API key, Formflow as a sales rep with a session cookie, bare, …) for `durationSec` each; the ratio is
 * taken within each round, the median over rounds is reported.
 */
export async function runCreateBench(load: LoadClient, options: CreateBenchOptions): Promise<void> {
  console.log(`\n## Create: POST one record, ${options.connections} connections\n`);
  const dir = mkdtempSync(join(tmpdir(), 'formflow-bench-create-'));
  const bare = await startBareCreateServer(join(dir, 'bare.db'));
  const store = openBenchStore(join(dir, 'formflow.db'));
  const setup = await setUpCrm(store);
  setUpOneViewForm(store, setup);
  const callers = mintCallers(store, setup);
  const formflow = await startFormflow(store);
  for (const formId of [setup.formId, ONE_VIEW_FORM_ID]) {
    const indexes = formIndexSql(store, setup.workspaceId, formId);
    console.log(`form \`${formId}\`: ${indexes.length} form index(es) made by the server`);
    for (const sql of indexes) console.log(`    ${sql}`);
  }
  console.log('');
  try {
    const path = `/api/v1/forms/${setup.formId}/records`;
    const contestants: Contestant[] = [
      {
        name: 'bare Fastify + better-sqlite3 insert (baseline)',
        base: bare.base,
        path: '/records',
        headers: {},
        owners: setup.salesIds,
      },
    ];
    const sample = dealRecords(1, setup.salesIds)[0]!;
    const probed = await probeCreate(formflow.base, path, callers.ownerKey.headers, sample);
    if (!probed) {
      console.log(`**${path} does not exist yet**: measuring the baseline only.\n`);
    } else {
      const wrap = probed.wrap ? { wrap: probed.wrap } : {};
      contestants.push(
        {
          name: `Formflow ${callers.ownerKey.name}`,
          base: formflow.base,
          path,
          headers: callers.ownerKey.headers,
          owners: setup.salesIds,
          ...wrap,
        },
        {
          name: `Formflow ${callers.rep.name}`,
          base: formflow.base,
          path,
          headers: callers.rep.headers,
          owners: [callers.rep.memberId],
          ...wrap,
        },
        {
          name: `Formflow ${callers.ownerKey.name}, one-view form (1 index, like the baseline)`,
          base: formflow.base,
          path: `/api/v1/forms/${ONE_VIEW_FORM_ID}/records`,
          headers: callers.ownerKey.headers,
          owners: setup.salesIds,
          ...wrap,
        },
      );
      console.log(
        `records route answered ${probed.status}; body ${probed.wrap ? `{ ${probed.wrap}: {…} }` : 'is the data object'}\n`,
      );
    }
    let from = 1_000;
    type Run = CannonResult & { cpuUsPerRequest: number };
    /** One autocannon run, with this process's CPU time (user + system) per request: the server's cost. */
    const run = async (c: Contestant, durationSec: number): Promise<Run> => {
      const job = {
        base: c.base,
        path: c.path,
        headers: c.headers,
        connections: options.connections,
        durationSec,
        bodies: { from, count: 5_000, owners: c.owners },
        ...(c.wrap ? { wrap: c.wrap } : {}),
      };
      from += 5_000;
      const before = process.cpuUsage();
      const result = await load.cannon(job);
      const cpu = process.cpuUsage(before);
      return { ...result, cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, result.total) };
    };
    for (const c of contestants) await run(c, 2); // warm-up: JIT, statement caches, page cache
    const results: Run[][] = contestants.map(() => []);
    const ratios: number[][] = contestants.map(() => []);
    for (let r = 0; r < options.rounds; r++) {
      const round: Run[] = [];
      for (const c of contestants) round.push(await run(c, options.durationSec));
      round.forEach((res, i) => {
        results[i]!.push(res);
        ratios[i]!.push(res.requestsPerSec / round[0]!.requestsPerSec);
      });
      console.log(
        `  round ${r + 1}: ${round.map((res, i) => `${contestants[i]!.name.split(' ')[0]} ${fmtInt(res.requestsPerSec)}/s`).join(', ')}`,
      );
    }
    console.log('');
    table(
      [
        'case',
        'req/s (median)',
        'rounds min–max',
        'p50 ms',
        'p97.5 ms',
        'p99 ms',
        'non-2xx',
        'ratio to bare (median, min–max)',
        'server CPU µs/request',
        'bare CPU ÷ this CPU',
      ],
      contestants.map((c, i) => {
        const rps = results[i]!.map((x) => x.requestsPerSec);
        const rs = ratios[i]!;
        const bad = results[i]!.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0);
        return [
          c.name,
          fmtInt(median(rps)),
          `${fmtInt(Math.min(...rps))}–${fmtInt(Math.max(...rps))}`,
          fmtMs(median(results[i]!.map((x) => x.latencyMs.p50))),
          fmtMs(median(results[i]!.map((x) => x.latencyMs.p97_5))),
          fmtMs(median(results[i]!.map((x) => x.latencyMs.p99))),
          String(bad),
          i === 0
            ? '1×'
            : `**${median(rs).toFixed(2)}×** (${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)})`,
          fmtInt(median(results[i]!.map((x) => x.cpuUsPerRequest))),
          i === 0
            ? '1×'
            : `${median(results[i]!.map((x, r) => results[0]![r]!.cpuUsPerRequest / x.cpuUsPerRequest)).toFixed(2)}×`,
        ];
      }),
      [1, 3, 4, 5, 6, 7, 8, 9],
    );
    const failures = results.flat().find((x) => x.firstFailure !== undefined)?.firstFailure;
    if (failures) console.log(`\nfirst failed response: ${failures}`);
    const stored = (
      store.db.prepare('SELECT count(*) AS n FROM records WHERE form_id = ?').get(setup.formId) as { n: number }
    ).n;
    const storedOneView = (
      store.db.prepare('SELECT count(*) AS n FROM records WHERE form_id = ?').get(ONE_VIEW_FORM_ID) as { n: number }
    ).n;
    console.log(
      `\nFormflow stored ${fmtInt(stored)} deals and ${fmtInt(storedOneView)} leads, the bare table ${fmtInt(bare.count())}.`,
    );
  } finally {
    await formflow.close();
    store.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
