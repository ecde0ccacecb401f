import type { Bench } from 'tinybench';

/**
 * Operations per second of a finished task whose every iteration runs `batch` operations: total operations over
 * total time, from the mean latency. (tinybench's `throughput.mean` averages per-sample reciprocals, which is biased
 * toward the fast samples and does not compare tasks of different spread fairly.)
 */
export function opsPerSecond(bench: Bench, name: string, batch: number): number {
  const result = bench.tasks.find((t) => t.name === name)?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark "${name}" did not complete`);
  return (batch * 1000) / result.latency.mean;
}
