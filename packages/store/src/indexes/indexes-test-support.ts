import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormDef, JsonValue, PermissionGroupDef, ViewDef } from '@formflow/schema';
import type { Database } from 'better-sqlite3';
import { searchShadow } from '../records/search-shadow.js';
import { openStore, type Store } from '../store.js';

/* Test fixture (not a test file): a real store in a temp dir, a deals form, its views, seeded records. */

export const WS = '01a2062b-c2f3-7308-9efe-842f54a10698';
export const MEMBERS = ['m-01', 'm-02', 'm-03', 'm-04', 'm-05', 'm-06', 'm-07', 'm-08', 'm-09', 'm-10'];
const STAGES = ['lead', 'contact', 'quote', 'won', 'lost'];

export const dealsForm: FormDef = {
  id: 'deals',
  name: '商机',
  fields: [
    { id: 'title', type: 'text', label: '名称', unique: true },
    {
      id: 'stage',
      type: 'select',
      label: '阶段',
      settings: { options: STAGES.map((id) => ({ id, label: id })) },
    },
    { id: 'amount', type: 'money', label: '金额' },
    { id: 'owner', type: 'member', label: '负责人' },
    { id: 'closeOn', type: 'date', label: '预计成交' },
    { id: 'meetAt', type: 'datetime', label: '会面' },
  ],
};

export const quotesView: ViewDef = {
  id: 'quotes',
  formId: 'deals',
  name: '报价',
  type: 'grid',
  filter: { field: 'stage', op: 'eq', value: 'quote' },
  sort: [{ field: 'amount', direction: 'desc' }],
};

export const boardView: ViewDef = {
  id: 'board',
  formId: 'deals',
  name: '看板',
  type: 'kanban',
  groupBy: 'stage',
  sumField: 'amount',
  sort: [{ field: 'amount', direction: 'desc' }],
};

export const salesGroup: PermissionGroupDef = {
  id: 'sales',
  formId: 'deals',
  name: '销售',
  principals: [{ kind: 'everyone' }],
  actions: ['view'],
  rowFilter: { field: 'owner', op: 'isCurrentMember' },
};

export type IndexTestStore = { store: Store; db: Database; close: () => void };

export function openIndexTestStore(): IndexTestStore {
  const dir = mkdtempSync(join(tmpdir(), 'formflow-indexes-'));
  const store = openStore({ path: join(dir, 'formflow.db') });
  return {
    store,
    db: store.db,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deal `i`: stage skewed to the funnel's start, amounts 0–99,999 (some missing), one owner of MEMBERS. */
export function dealData(i: number): Record<string, JsonValue> {
  const data: Record<string, JsonValue> = {
    title: `商机-${String(i).padStart(6, '0')}`,
    stage: STAGES[[0, 0, 0, 1, 1, 2, 2, 3, 4][i % 9] ?? 0] ?? 'lead',
    owner: MEMBERS[i % MEMBERS.length] ?? 'm-01',
    closeOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  };
  if (i % 13 !== 0) data['amount'] = (i * 7919) % 100_000;
  return data;
}

/** Inserts records `from`…`from + n - 1` of a form straight into `records` (as createRecord writes them). */
export function insertDeals(
  db: Database,
  n: number,
  options: { workspaceId?: string; formId?: string; from?: number } = {},
) {
  const insert = db.prepare(
    `INSERT INTO records (id, workspace_id, form_id, form_version, data, search, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  const from = options.from ?? 0;
  db.transaction(() => {
    for (let i = from; i < from + n; i++) {
      const data = dealData(i);
      const id = `${options.formId ?? 'deals'}-${String(i).padStart(7, '0')}`;
      insert.run(
        id,
        options.workspaceId ?? WS,
        options.formId ?? 'deals',
        JSON.stringify(data),
        JSON.stringify(searchShadow(data)),
      );
    }
  })();
}

/**
 * Runs a query with a counter after its other WHERE terms (just before ORDER BY / GROUP BY): how many rows reached
 * the end of the WHERE clause. A page read in index order stops after `limit` (+1) of them.
 */
export function rowsReached(
  db: Database,
  query: { sql: string; params: unknown[] },
): { rows: unknown[]; reached: number } {
  let reached = 0;
  db.function('formflow_test_reached', { deterministic: false }, () => {
    reached++;
    return 1;
  });
  const marker = [' LIMIT -1)', ' GROUP BY ', ' ORDER BY '].find((m) => query.sql.includes(m)) ?? ' ORDER BY ';
  const at = query.sql.lastIndexOf(marker);
  const sql = `${query.sql.slice(0, at)} AND formflow_test_reached()${query.sql.slice(at)}`;
  const rows = db.prepare(sql).all(...query.params);
  return { rows, reached };
}

/** The EXPLAIN QUERY PLAN lines of a query. */
export function planOf(db: Database, query: { sql: string; params: unknown[] }): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

/**
 * The columns of `records` a query reads from the table behind the indexes it scans in full (a `Rewind` loop over an
 * index whose row SQLite fetches by a deferred seek, only when a column of it is read): `perRow` for every index
 * entry, `perGroup` for the first row of each group of an aggregate (a bare group key makes SQLite keep the row's
 * columns it names, though it outputs the key from the index). EXPLAIN QUERY PLAN says `USING INDEX`, not `USING
 * COVERING INDEX`, for these scans anyway (the partial index's `deleted_at IS NULL` is not one of its columns).
 */
export function tableReadsOfFullScans(
  db: Database,
  query: { sql: string; params: unknown[] },
): { scans: number; perRow: number[]; perGroup: number[] } {
  type Op = { addr: number; opcode: string; p1: number; p2: number; p3: number };
  const ops = db.prepare(`EXPLAIN ${query.sql}`).all(...query.params) as Op[];
  const scanned = new Set(ops.filter((o) => o.opcode === 'Rewind').map((o) => o.p1));
  const seeks = ops.filter((o) => o.opcode === 'DeferredSeek' && scanned.has(o.p1));
  const tables = new Set(seeks.map((o) => o.p3));
  const reads = ops.filter((o) => o.opcode === 'Column' && tables.has(o.p1));
  // `If <first-row flag> <next>; Column …`: skipped but for a group's first row.
  const guarded = (o: Op): boolean => {
    const before = ops.find((b) => b.addr === o.addr - 1);
    return before?.opcode === 'If' && before.p2 === o.addr + 1;
  };
  return {
    scans: seeks.length,
    perRow: reads.filter((o) => !guarded(o)).map((o) => o.p2),
    perGroup: reads.filter(guarded).map((o) => o.p2),
  };
}
