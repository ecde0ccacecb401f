/** One measured figure: throughput, and its ratio to the named baseline measured in the same run. */
export type BenchRow = { name: string; opsPerSec: number; baseline: string; ratio: number };
