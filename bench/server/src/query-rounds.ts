import type { LoadClient } from './load-client.js';
import type { RequestSpec } from './load-jobs.js';
import { fmtMs, median, quantile, table } from './stats.js';

/**
 * One way of answering a case: in-process SQL (`run` performs operation `i` of the case) or HTTP requests sent one
 * after another by the load child. Every contestant of a case performs the same operations (a first page, or the
 * same cursor pages), so one sample is one operation's latency.
 */
export type QueryContestant =
  | { name: string; kind: 'sql'; operations: (() => unknown)[] }
  | { name: string; kind: 'http'; base: string; requests: RequestSpec[] };

export type QueryCase = { title: string; contestants: QueryContestant[]; notes?: string[] };

export type QueryStats = { name: string; samples: number[]; roundMedians: number[]; failures: string[] };

/**
 * Times the contestants of a case in alternating rounds (A, B, C, A, B, C, …): each round every contestant performs
 * its operations `perRound` times, or fewer once `budgetMs` has passed (at least once: slow queries stay bounded). The first contestant is the baseline; a row's ratio is the median over rounds of
 * (its median latency / the baseline's median latency) within the same round.
 */
export async function runQueryCase(
  load: LoadClient,
  qc: QueryCase,
  rounds: number,
  perRound: number,
  budgetMs = 3000,
): Promise<QueryStats[]> {
  const stats: QueryStats[] = qc.contestants.map((c) => ({
    name: c.name,
    samples: [],
    roundMedians: [],
    failures: [],
  }));
  const once = async (c: QueryContestant, repeat: number): Promise<{ latencies: number[]; failure?: string }> => {
    if (c.kind === 'sql') {
      const latencies: number[] = [];
      const began = performance.now();
      for (let r = 0; r < repeat; r++) {
        if (r > 0 && performance.now() - began > budgetMs) break;
        for (const op of c.operations) {
          const started = performance.now();
          op();
          latencies.push(performance.now() - started);
        }
      }
      return { latencies };
    }
    const result = await load.sequential({ base: c.base, requests: c.requests, repeat, budgetMs });
    return { latencies: result.latenciesMs, ...(result.firstFailure ? { failure: result.firstFailure } : {}) };
  };
  for (const c of qc.contestants) await once(c, 1); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of qc.contestants.entries()) {
      const { latencies, failure } = await once(c, perRound);
      stats[i]!.samples.push(...latencies);
      stats[i]!.roundMedians.push(median(latencies));
      if (failure) stats[i]!.failures.push(failure);
    }
  }
  return stats;
}

export function printQueryCase(qc: QueryCase, stats: QueryStats[], targetMs?: number): void {
  console.log(`\n### ${qc.title}\n`);
  const base = stats[0]!;
  table(
    [
      'case',
      'samples',
      'p50 ms',
      'p95 ms',
      'max ms',
      'p50 ÷ baseline p50 (median of rounds)',
      ...(targetMs ? ['p95 ≤ target'] : []),
    ],
    stats.map((s, i) => {
      const ratios = s.roundMedians.map((m, r) => m / base.roundMedians[r]!);
      const p95 = quantile(s.samples, 0.95);
      return [
        s.name,
        String(s.samples.length),
        fmtMs(quantile(s.samples, 0.5)),
        fmtMs(p95),
        fmtMs(Math.max(...s.samples)),
        i === 0 ? '1× (baseline)' : `${median(ratios).toFixed(1)}×`,
        ...(targetMs ? [s.name.startsWith('Formflow HTTP') ? (p95 <= targetMs ? 'yes' : '**no**') : ''] : []),
      ];
    }),
    [1, 2, 3, 4, 5],
  );
  if (qc.notes?.length) console.log(`\n${qc.notes.map((n) => `- ${n}`).join('\n')}`);
  for (const s of stats) if (s.failures.length > 0) console.log(`\n${s.name}: first failed response: ${s.failures[0]}`);
}
