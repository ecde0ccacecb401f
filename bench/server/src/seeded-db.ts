import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchShadow, SQLITE_MIGRATIONS, syncAllFormIndexes, uuidV7 } from '@formflow/store';
import { dealData } from './crm-data.js';
import { BARE_INDEX_NAMES, BARE_INDEXES } from './crm-form.js';
import { openBenchStore, setUpCrm, type CrmSetup } from './formflow-harness.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Under `results/`, which the root .gitignore (and so Prettier) already ignores for every bench. */
export const CACHE_DIR = join(here, '..', 'results', 'cache');

/** Bump when the seeding or the setup (setUpCrm) changes: only the form and the generator are hashed. */
const SEED_VERSION = 3;

export type SeededDb = { path: string; setup: CrmSetup; records: number; seededNow: boolean; indexSql: string[] };

/** A hash of what the seeded file depends on: migrations, the form, the generator, SEED_VERSION. */
function cacheKey(records: number): string {
  const hash = createHash('sha256');
  hash.update(String(SEED_VERSION));
  hash.update(JSON.stringify(SQLITE_MIGRATIONS));
  for (const file of ['crm-data.ts', 'crm-form.ts']) {
    hash.update(readFileSync(join(here, file)));
  }
  return `deals-${records}-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * Inserts `n` deals straight into the store's `records` table with one prepared statement in one transaction
 * (the seeding is not what is measured), then lets the server's IndexManager create the indexes the app's views and
 * row filter need (syncAllFormIndexes, as the server does on start), and adds the bare baseline's hand-written ones.
 * The rows are what `RecordRepository.createRecord` writes (data, the folded `search` shadow, version 1, timestamps),
 * minus history rows, which no measured query reads.
 */
export function seedDeals(path: string, setup: CrmSetup, n: number, log: (line: string) => void): string[] {
  const store = openBenchStore(path);
  try {
    const insert = store.db.prepare(
      `INSERT INTO records (id, workspace_id, form_id, form_version, data, search, version, created_by, created_at,
        updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const start = Date.parse('2024-01-01T00:00:00Z');
    const started = performance.now();
    store.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const data = dealData(i, setup.salesIds);
        const ms = start + i * 30_000;
        const at = new Date(ms).toISOString();
        const owner = data['owner'] as string;
        insert.run(
          uuidV7(ms),
          setup.workspaceId,
          setup.formId,
          setup.formVersion,
          JSON.stringify(data),
          JSON.stringify(searchShadow(data)),
          owner,
          at,
          owner,
          at,
        );
        if ((i + 1) % 200_000 === 0) log(`  seeded ${(i + 1).toLocaleString('en-US')} records`);
      }
    })();
    log(`  inserted ${n.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The server's indexes, as it makes them on start for every published form (IndexManager: from the app's views
    // and the sales row filter, then ANALYZE), and the bare baseline's hand-written ones.
    const indexStarted = performance.now();
    const synced = syncAllFormIndexes(store.db);
    log(
      `  the server's IndexManager created ${synced.created.length} indexes and analyzed ${synced.analyzed.length} in ` +
        `${((performance.now() - indexStarted) / 1000).toFixed(1)} s`,
    );
    const bareStarted = performance.now();
    for (const statement of BARE_INDEXES) store.db.exec(statement);
    // Statistics for them too: an index that begins with workspace_id and has none misleads the planner for every
    // query on the form (the IndexManager would analyze it on the server's start; here it is done once, cached).
    store.db.exec('PRAGMA analysis_limit = 0');
    for (const name of BARE_INDEX_NAMES) store.db.exec(`ANALYZE ${name}`);
    log(
      `  created ${BARE_INDEXES.length} bare-baseline indexes in ${((performance.now() - bareStarted) / 1000).toFixed(1)} s`,
    );
    const indexSql = (
      store.db
        .prepare(
          "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL ORDER BY name",
        )
        .all() as { sql: string }[]
    ).map((r) => r.sql);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return indexSql;
  } finally {
    store.close();
  }
}

/**
 * The seeded database for `records` deals, from bench/server/results/cache when a file with the same key exists
 * (the key hashes the migrations, the form and the generator), else seeded now and cached.
 */
export async function seededDatabase(records: number, log: (line: string) => void): Promise<SeededDb> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = cacheKey(records);
  const path = join(CACHE_DIR, `${key}.db`);
  const metaPath = join(CACHE_DIR, `${key}.json`);
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { setup: CrmSetup; indexSql: string[] };
    log(`using cached ${path}`);
    return { path, setup: meta.setup, records, seededNow: false, indexSql: meta.indexSql };
  }
  // An older seeding of the same size (the form, generator or migrations changed since) is stale: drop it.
  for (const name of readdirSync(CACHE_DIR)) {
    if (name.startsWith(`deals-${records}-`) && !name.startsWith(key)) rmSync(join(CACHE_DIR, name), { force: true });
  }
  const tmp = join(CACHE_DIR, `${key}.seeding.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  log(`seeding ${records.toLocaleString('en-US')} deals into ${tmp}`);
  const setupStore = openBenchStore(tmp);
  let setup: CrmSetup;
  try {
    setup = await setUpCrm(setupStore);
  } finally {
    setupStore.close();
  }
  const indexSql = seedDeals(tmp, setup, records, log);
  for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  renameSync(tmp, path);
  writeFileSync(metaPath, JSON.stringify({ setup, indexSql }, null, 2));
  return { path, setup, records, seededNow: true, indexSql };
}
