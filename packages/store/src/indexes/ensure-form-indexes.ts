import type { FormDef } from '@formflow/schema';
import type { Database } from 'better-sqlite3';
import { formRowsLiteral } from '../sqlite/query/sql-ident.js';
import {
  formIndexPrefix,
  INDEX_NAME_PREFIX,
  planFormIndexes,
  type FormIndexSources,
  type PlannedIndex,
} from './plan-form-indexes.js';

export type EnsureFormIndexesInput = {
  workspaceId: string;
  /** The live (published) form definition. */
  form: FormDef;
  /** Its app's views, permission groups and dashboards (other forms' parts are ignored). */
  sources?: FormIndexSources;
};

export type EnsureFormIndexesResult = {
  planned: PlannedIndex[];
  created: string[];
  dropped: string[];
  /** Indexes ANALYZEd (the created ones and records_by_form) when something was created. */
  analyzed: string[];
  ms: number;
};

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The names of the indexes this manager made for one form (by their name prefix). */
export function formIndexNames(db: Database, workspaceId: string, formId: string): string[] {
  const prefix = formIndexPrefix(workspaceId, formId);
  const rows = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'records' AND substr(name, 1, ?) = ? ORDER BY name",
    )
    .all(prefix.length, prefix) as { name: string }[];
  return rows.map((r) => r.name);
}

/** The `sqlite_stat1` rows of records' indexes, by index name (empty before any ANALYZE). */
export function recordStats(db: Database): Map<string, string> {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'").get();
  if (!table) return new Map();
  const rows = db.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'records'").all() as {
    idx: string;
    stat: string;
  }[];
  return new Map(rows.map((r) => [r.idx, r.stat]));
}

/**
 * What records_by_form's statistics say when ANALYZE found no rows to describe (an empty table): a form has ~100k
 * rows. Without any row the planner guesses its three equality columns find ~8 rows and prefers it to a form's own
 * indexes as the form grows, until the next ANALYZE. SQLite documents writing sqlite_stat1 to steer its planner
 * ("Manual Control Of Query Plans Using SQLITE_STAT Tables"); a real ANALYZE replaces this row.
 */
export const RECORDS_BY_FORM_DEFAULT_STAT = '1000000 100000 100000 100000 1';

/**
 * Other indexes on records that begin with workspace_id and have no statistics (made by hand, or by indexPlan). The
 * planner's default for one says a workspace has 10 rows, and since records_by_form uses the same term and more, it
 * then believes records_by_form finds even fewer and prefers it to every form index. They are analyzed with ours.
 */
function unmeasuredByWorkspace(db: Database, stats: ReadonlyMap<string, string>): string[] {
  const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'records'").all() as {
    name: string;
  }[];
  const first = db.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0');
  return indexes
    .map((i) => i.name)
    .filter((name) => !stats.has(name) && !name.startsWith('sqlite_autoindex_') && !name.startsWith(INDEX_NAME_PREFIX))
    .filter((name) => (first.get(name) as { name: string | null } | undefined)?.name === 'workspace_id');
}

/**
 * Full ANALYZE of the named indexes (no analysis_limit: a limited ANALYZE reads the first rows of an index, which for
 * records_by_form all belong to one form, and so tells the planner a form has a few hundred rows; it then prefers
 * records_by_form to the form's own indexes). `records_by_form` is analyzed too when asked or when it has no
 * statistics, and given RECORDS_BY_FORM_DEFAULT_STAT when it is still without. PRAGMA optimize is not used for the
 * same reason (it ANALYZEs with a limit). Names that do not exist are skipped.
 */
export function analyzeIndexes(db: Database, names: readonly string[], recordsByForm = false): string[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?");
  const stats = recordStats(db);
  const base = recordsByForm || (names.length > 0 && !stats.has('records_by_form')) ? ['records_by_form'] : [];
  const wanted = names.length > 0 || base.length > 0 ? [...names, ...base, ...unmeasuredByWorkspace(db, stats)] : [];
  const all = [...new Set(wanted)].filter((name) => exists.get(name) !== undefined);
  if (all.length === 0) return [];
  const limit = Math.max(0, Math.trunc(Number(db.pragma('analysis_limit', { simple: true })) || 0));
  db.pragma('analysis_limit = 0');
  try {
    for (const name of all) db.exec(`ANALYZE ${quote(name)}`);
  } finally {
    db.pragma(`analysis_limit = ${String(limit)}`);
  }
  // An empty index gets `0 0 …`, which the planner reads as "never worth it" once rows arrive: no row is better
  // (its defaults guess 10 rows per equality). records_by_form gets the default above instead.
  const forget = db.prepare("DELETE FROM sqlite_stat1 WHERE tbl = 'records' AND idx = ? AND stat GLOB '0 *'");
  const emptied = all.map((name) => forget.run(name).changes).some((n) => n > 0);
  const baseless = all.includes('records_by_form') && !recordStats(db).has('records_by_form');
  if (baseless) {
    db.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('records', 'records_by_form', ?)").run(
      RECORDS_BY_FORM_DEFAULT_STAT,
    );
  }
  if (emptied || baseless) db.exec('ANALYZE sqlite_schema');
  return all;
}

/**
 * Makes the form's indexes what planFormIndexes says (DESIGN §6: expression indexes for what views filter, sort or
 * group on, row filters and unique fields): drops the form's other `ffx_` indexes, creates the missing ones (one
 * transaction), then ANALYZEs what it created. Idempotent: with nothing to change it only reads sqlite_schema.
 * Creating an index reads every record of the form (about 3–4 s per index per million records on the benchmark
 * machine), so callers run it when a form is published or its app's views change, not per request.
 */
export function ensureFormIndexes(db: Database, input: EnsureFormIndexesInput): EnsureFormIndexesResult {
  const started = performance.now();
  const planned = planFormIndexes(input.workspaceId, input.form, input.sources);
  const existing = new Set(formIndexNames(db, input.workspaceId, input.form.id));
  const wanted = new Set(planned.map((p) => p.name));
  const dropped = [...existing].filter((name) => !wanted.has(name));
  const missing = planned.filter((p) => !existing.has(p.name));
  if (dropped.length > 0 || missing.length > 0) {
    db.transaction(() => {
      for (const name of dropped) db.exec(`DROP INDEX IF EXISTS ${quote(name)}`);
      for (const index of missing) db.exec(index.sql);
    })();
  }
  const created = missing.map((p) => p.name);
  const analyzed = analyzeIndexes(db, created);
  return { planned, created, dropped, analyzed, ms: performance.now() - started };
}

/** Drops every index made for a form (when the form or its app is deleted). */
export function dropFormIndexes(db: Database, workspaceId: string, formId: string): string[] {
  const names = formIndexNames(db, workspaceId, formId);
  if (names.length > 0) db.transaction(() => names.forEach((name) => db.exec(`DROP INDEX IF EXISTS ${quote(name)}`)))();
  return names;
}

/**
 * Re-ANALYZEs a form's indexes, and records_by_form, when statistics are missing or the form's live row count has
 * moved far from what they say (and other unmeasured indexes that begin with workspace_id, see unmeasuredByWorkspace) (more than 2× either way, by at least 1,000 rows): statistics taken when a form was
 * empty would otherwise keep describing it after an import of a million rows. Counting reads one of the form's
 * indexes (~20 ms per million rows); ANALYZE reads them all (~2–3 s per index per million rows).
 */
export function refreshFormIndexStats(
  db: Database,
  workspaceId: string,
  formId: string,
  stats: ReadonlyMap<string, string> = recordStats(db),
): string[] {
  const names = formIndexNames(db, workspaceId, formId);
  const where = formRowsLiteral(workspaceId, formId, '');
  if (names.length === 0 || where === undefined) return [];
  const counts = names
    .map((name) => stats.get(name))
    .map((stat) => (stat === undefined ? -1 : Number.parseInt(stat, 10)));
  const known = counts.some((n) => !(n >= 0)) ? -1 : Math.min(...counts);
  const rows = (db.prepare(`SELECT count(*) AS n FROM records WHERE ${where}`).get() as { n: number }).n;
  const moved = known < 0 ? rows > 0 : Math.abs(rows - known) >= 1000 && (rows > 2 * known || rows * 2 < known);
  if (moved) return analyzeIndexes(db, names, true);
  const unmeasured = unmeasuredByWorkspace(db, stats);
  if (unmeasured.length > 0) return analyzeIndexes(db, unmeasured);
  return stats.has('records_by_form') ? [] : analyzeIndexes(db, [], true);
}
