import { fork } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDealsCsv } from './csv-file.js';
import { openBenchStore, setUpCrm, type CrmSetup } from './formflow-harness.js';
import type { ImportChildJob, ImportChildResult } from './import-child.js';
import { fmtInt, table } from './stats.js';

type Measured = ImportChildResult & { peakRssMiB: number; name: string };

/** kB figure of a /proc/<pid>/status line (VmHWM: peak resident set; VmRSS: current). */
function procStatusKb(pid: number, key: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key}:`));
    return line ? Number(line.replace(/\D+/g, ' ').trim().split(' ')[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time per imported row, every thread of the child process (steadier than rows/s on a shared machine). */
function cpuPerRow(m: ImportChildResult): number {
  return (m.cpuSeconds * 1e6) / Math.max(1, m.rows);
}

/** Runs one import in a child process and reads its VmHWM before letting it exit. */
async function runChild(name: string, job: ImportChildJob): Promise<Measured> {
  const child = fork(fileURLToPath(new URL('./import-child.ts', import.meta.url)), [JSON.stringify(job)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let peakKb = 0;
  const poll = setInterval(() => {
    peakKb = Math.max(peakKb, procStatusKb(child.pid!, 'VmHWM') ?? 0);
  }, 250);
  try {
    const message = await new Promise<{ ok: boolean; result?: ImportChildResult; error?: string }>(
      (resolve, reject) => {
        child.once('message', resolve as (m: unknown) => void);
        child.once('exit', (code) => reject(new Error(`import child exited with ${String(code)}`)));
      },
    );
    peakKb = Math.max(peakKb, procStatusKb(child.pid!, 'VmHWM') ?? 0);
    if (!message.ok || !message.result) throw new Error(`import child failed: ${message.error ?? '?'}`);
    return { ...message.result, peakRssMiB: peakKb / 1024, name };
  } finally {
    clearInterval(poll);
    child.send('exit');
    child.removeAllListeners('exit');
  }
}

/**
 * Target 4: a CSV of `rows` deals × 15 fields imported into a fresh database by `runImportJob` (what the server's
 * import route runs: a worker thread decodes, tokenizes, parses every cell by its field type, runs validateRecord and
 * writes in chunks; allOrNothing stages rows and publishes them in one transaction),
 * against a bare import (csv-parse and a prepared insert of the raw cells as JSON, one transaction). Each runs in
 * its own child process; peak RSS is that process's VmHWM.
 */
export async function runImportBench(options: {
  rows: number;
  rounds: number;
  mode: 'allOrNothing' | 'validRowsOnly';
}): Promise<void> {
  console.log(`\n## Import: CSV of ${fmtInt(options.rows)} rows × 15 fields, mode ${options.mode}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'formflow-bench-import-'));
  try {
    // The CSV names member ids, so it is written for this run's workspace (the owner ids differ per setup).
    const templatePath = join(dir, 'template.db');
    const templateStore = openBenchStore(templatePath);
    let setup: CrmSetup;
    try {
      setup = await setUpCrm(templateStore);
      templateStore.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      templateStore.close();
    }
    const csvPath = join(dir, 'deals.csv');
    const bytes = await writeDealsCsv(csvPath, options.rows, setup.salesIds);
    console.log(`CSV: ${(bytes / 1024 / 1024).toFixed(0)} MiB\n`);
    const results: Measured[][] = [[], []];
    for (let r = 0; r < options.rounds; r++) {
      const bareDb = join(dir, `bare-${r}.db`);
      results[0]!.push(
        await runChild('bare csv-parse + insert (baseline)', {
          kind: 'bare',
          dbPath: bareDb,
          csvPath,
          setup,
          mode: options.mode,
        }),
      );
      const ffDb = join(dir, `formflow-${r}.db`);
      rmSync(ffDb, { force: true });
      // A copy of the set-up database: same workspace, members and form as the CSV names.
      copyFileSync(templatePath, ffDb);
      results[1]!.push(
        await runChild(`Formflow import job (runImportJob) (${options.mode})`, {
          kind: 'formflow',
          dbPath: ffDb,
          csvPath,
          setup,
          mode: options.mode,
        }),
      );
      for (const m of [results[0]!.at(-1)!, results[1]!.at(-1)!]) {
        console.log(
          `  round ${r + 1}: ${m.name}: ${fmtInt(m.rows / m.seconds)} rows/s, ` +
            `${cpuPerRow(m).toFixed(1)} µs CPU per row, peak RSS ${m.peakRssMiB.toFixed(0)} MiB`,
        );
      }
      for (const f of [bareDb, ffDb]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
    }
    console.log('');
    table(
      [
        'case',
        'rows imported',
        'failed',
        'seconds',
        'rows/s',
        'peak RSS (VmHWM)',
        'RSS at start',
        'rows/s ratio to bare',
        'CPU µs per row',
        'CPU ratio to bare',
      ],
      results.map((runs, i) => {
        const m = runs.at(-1)!;
        const ratio = runs.map((x, r) => x.rows / x.seconds / (results[0]![r]!.rows / results[0]![r]!.seconds));
        return [
          m.name,
          fmtInt(m.rows),
          fmtInt(m.failed),
          runs.map((x) => x.seconds.toFixed(1)).join(' / '),
          runs.map((x) => fmtInt(x.rows / x.seconds)).join(' / '),
          runs.map((x) => `${x.peakRssMiB.toFixed(0)} MiB`).join(' / '),
          `${m.startRssMiB.toFixed(0)} MiB`,
          i === 0 ? '1×' : ratio.map((x) => `${x.toFixed(2)}×`).join(' / '),
          runs.map((x) => cpuPerRow(x).toFixed(1)).join(' / '),
          i === 0 ? '1×' : runs.map((x, r) => `${(cpuPerRow(results[0]![r]!) / cpuPerRow(x)).toFixed(2)}×`).join(' / '),
        ];
      }),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    const failed = results[1]!.find((m) => m.firstError);
    if (failed) console.log(`\nfirst row error: ${failed.firstError}`);
    console.log('\nTargets: ≥ 50,000 rows/s and ≤ 400 MB peak RSS for 1,000,000 rows.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
