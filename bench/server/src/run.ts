/**
 * `pnpm bench:server [create|list|funnel|import]… [--records N] [--rounds N] [--duration S] [--per-round N]
 * [--import-mode allOrNothing|validRowsOnly] [--import-rounds N]`. No names: all four. See docs/benchmarks.md.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { startBareQueryServer } from './bare-server.js';
import { runCreateBench } from './create-bench.js';
import { handFunnelStatements, runFunnelBench } from './funnel-bench.js';
import { mintCallers, openBenchStore, startFormflow } from './formflow-harness.js';
import { runImportBench } from './import-bench.js';
import { handListStatements, runListBench } from './list-bench.js';
import { LoadClient } from './load-client.js';
import { seededDatabase } from './seeded-db.js';

const BENCHES = ['create', 'list', 'funnel', 'import'] as const;
type Bench = (typeof BENCHES)[number];

function parseArgs(argv: string[]): { benches: Bench[]; flags: Map<string, string> } {
  const benches: Bench[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split('=', 2) : [a.slice(2), argv[++i]];
      if (v === undefined) throw new Error(`--${k} needs a value`);
      flags.set(k!, v);
    } else if ((BENCHES as readonly string[]).includes(a)) benches.push(a as Bench);
    else throw new Error(`unknown benchmark "${a}" (one of ${BENCHES.join(', ')})`);
  }
  return { benches: benches.length > 0 ? benches : [...BENCHES], flags };
}

const { benches, flags } = parseArgs(process.argv.slice(2));
const num = (name: string, fallback: number): number => {
  const v = flags.get(name);
  const n = v === undefined ? fallback : Number(v.replaceAll('_', ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const records = num('records', 1_000_000);
const log = (line: string): void => console.log(line);

console.log(
  `# Server benchmarks\n\nnode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}; benches: ${benches.join(', ')}; ` +
    `records: ${records.toLocaleString('en-US')}`,
);

const loadLine = (when: string): void =>
  console.log(
    `\n_load average ${when}: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine shows here)_`,
  );
loadLine('at start');
const load = new LoadClient();
try {
  if (benches.includes('create')) {
    await runCreateBench(load, {
      rounds: num('rounds', 5),
      durationSec: num('duration', 5),
      connections: num('connections', 50),
    });
  }
  if (benches.includes('list') || benches.includes('funnel')) {
    const seeded = await seededDatabase(records, log);
    const store = openBenchStore(seeded.path);
    try {
      console.log(
        `\nindexes on records (ffx_…: the server's IndexManager, from the app's views and row filter; bare_…: the baseline's):`,
      );
      for (const s of seeded.indexSql) console.log(`    ${s}`);
      const callers = mintCallers(store, seeded.setup);
      const formflow = await startFormflow(store);
      const bare = await startBareQueryServer({ ...handListStatements(store), ...handFunnelStatements(store) });
      const bases = { formflow: formflow.base, bare: bare.base };
      try {
        if (benches.includes('list')) {
          await runListBench(load, store, seeded.setup, callers, bases, {
            rounds: num('rounds', 5),
            perRound: num('per-round', 20),
          });
        }
        if (benches.includes('funnel')) {
          await runFunnelBench(load, store, seeded.setup, callers, bases, {
            rounds: num('rounds', 5),
            perRound: num('funnel-per-round', 3),
          });
        }
      } finally {
        await bare.close();
        await formflow.close();
      }
    } finally {
      store.close();
    }
  }
  if (benches.includes('import')) {
    const mode = flags.get('import-mode') ?? 'allOrNothing';
    if (mode !== 'allOrNothing' && mode !== 'validRowsOnly')
      throw new Error('--import-mode: allOrNothing or validRowsOnly');
    await runImportBench({ rows: records, rounds: num('import-rounds', 1), mode });
  }
  loadLine('at end');
} finally {
  load.close();
}
