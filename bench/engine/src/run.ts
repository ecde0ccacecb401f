import type { BenchRow } from './bench-row.js';
import { runRulesBench } from './rules-bench.js';
import { runValidationBench } from './validation-bench.js';

function print(title: string, rows: BenchRow[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| case | ops/s | vs | ratio |');
  console.log('|---|---:|---|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${Math.round(r.opsPerSec).toLocaleString('en-US')} | ${r.baseline} | ${r.ratio.toFixed(2)}× |`,
    );
  }
}

console.log(`node ${process.version}, ${new Date().toISOString()}`);
print('Rules', await runRulesBench());
print('Record validation', await runValidationBench());
