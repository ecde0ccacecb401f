import { fieldRegistry, type FilterContext } from '@formflow/engine';
import type { FilterNode } from '@formflow/schema';
import { buildListQuery, type Store } from '@formflow/store';
import { listBody, readPage, type ListSpec } from './api-shapes.js';
import { dealsForm, salesGroup } from './crm-form.js';
import type { Caller, CrmSetup } from './formflow-harness.js';
import type { LoadClient } from './load-client.js';
import type { RequestSpec } from './load-jobs.js';
import { printQueryCase, runQueryCase, type QueryCase } from './query-rounds.js';
import { planSummary } from './stats.js';

export const LIST_SPEC: ListSpec = {
  filter: { field: 'stage', op: 'eq', value: 'quote' },
  sort: [{ field: 'amount', direction: 'desc' }],
  limit: 50,
};
/** Pages followed by cursor after the first. */
const CURSOR_PAGES = 4;

type Row = { id: string; data: string; a?: number };

/** The bare shape: filter and sort on json_extract, keyset pagination on (amount, id). No permission compilation. */
const HAND_SQL = (rowFilter: boolean, after: boolean): string =>
  `SELECT id, data, version, created_at, updated_at, json_extract(data, '$."amount"') AS a FROM records
   WHERE workspace_id = ? AND form_id = ? AND deleted_at IS NULL AND json_extract(data, '$."stage"') = ?
   ${rowFilter ? `AND json_extract(data, '$."owner"') = ?` : ''}
   ${after ? `AND (json_extract(data, '$."amount"') < ? OR (json_extract(data, '$."amount"') = ? AND id > ?))` : ''}
   ORDER BY json_extract(data, '$."amount"') DESC, id ASC LIMIT ?`;

export type ListWho = { label: string; caller: Caller; scope?: FilterNode };

/** Hand-written statements the bare HTTP server also runs (route names `list-<owner|rep>-<first|after>`). */
export function handListStatements(store: Store): Record<string, (params: unknown[]) => unknown> {
  const routes: Record<string, (params: unknown[]) => unknown> = {};
  for (const rowFilter of [false, true]) {
    for (const after of [false, true]) {
      const stmt = store.db.prepare(HAND_SQL(rowFilter, after));
      routes[`list-${rowFilter ? 'rep' : 'owner'}-${after ? 'after' : 'first'}`] = (params) =>
        (stmt.all(...params) as Row[]).map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));
    }
  }
  return routes;
}

/**
 * Target 2: a filtered (stage), sorted (amount desc) page of 50 over the seeded form, first page and cursor pages,
 * as the owner (all rows) and as a sales rep whose group has the row filter `owner isCurrentMember`.
 */
export async function listCases(
  load: LoadClient,
  store: Store,
  setup: CrmSetup,
  formflowBase: string,
  bareBase: string,
  who: ListWho,
): Promise<QueryCase[]> {
  const ctx: FilterContext = {
    memberId: who.caller.memberId,
    departmentIds: [],
    now: new Date(),
    timezone: 'Asia/Shanghai',
  };
  const input = {
    workspaceId: setup.workspaceId,
    formId: setup.formId,
    filter: LIST_SPEC.filter,
    sort: LIST_SPEC.sort,
    limit: LIST_SPEC.limit,
    ...(who.scope ? { scope: who.scope } : {}),
  };

  // Formflow's own SQL (buildListQuery), built and prepared once per page, run directly.
  const storePages: { run: () => Row[] }[] = [];
  const storeIds: string[][] = [];
  let cursor: string | undefined;
  // The first page and up to CURSOR_PAGES more, while pages are full (a small --records run has fewer).
  for (let p = 0; p <= CURSOR_PAGES && (p === 0 || cursor !== undefined); p++) {
    const q = buildListQuery({ ...input, ...(cursor ? { cursor } : {}) }, dealsForm, fieldRegistry, ctx, {
      foldFunction: true,
    });
    const stmt = store.db.prepare(q.sql);
    const run = (): Row[] => stmt.all(...q.params) as Row[];
    const rows = run();
    storePages.push({ run });
    storeIds.push(rows.map((r) => r.id));
    cursor = rows.length === LIST_SPEC.limit ? q.cursorOf(rows.at(-1) as Record<string, unknown>) : undefined;
  }
  const pageCount = storeIds.length;
  const firstQuery = buildListQuery(input, dealsForm, fieldRegistry, ctx, { foldFunction: true });

  // The bare hand-written shape, keyset from the last row of each page.
  const rep = who.scope !== undefined;
  const kind = rep ? 'rep' : 'owner';
  const head = [setup.workspaceId, setup.formId, 'quote', ...(rep ? [who.caller.memberId] : [])];
  const handParams: unknown[][] = [];
  const first = store.db.prepare(HAND_SQL(rep, false));
  const after = store.db.prepare(HAND_SQL(rep, true));
  const plans = [
    `query plan, bare SQL: ${planSummary(store.db, HAND_SQL(rep, false), [...head, LIST_SPEC.limit])}`,
    `query plan, buildListQuery: ${planSummary(store.db, firstQuery.sql, firstQuery.params)}`,
  ];
  let last: Row | undefined;
  for (let p = 0; p < pageCount; p++) {
    const params = last ? [...head, last.a, last.a, last.id, LIST_SPEC.limit] : [...head, LIST_SPEC.limit];
    const rows = (p === 0 ? first : after).all(...params) as Row[];
    if (rows.map((r) => r.id).join() !== storeIds[p]!.join()) {
      throw new Error(`hand-written SQL and buildListQuery disagree on page ${p + 1} (${who.label})`);
    }
    handParams.push(params);
    last = rows.at(-1);
  }

  // Formflow over HTTP: follow the cursors once to know them; check the pages agree with the SQL.
  const path = `/api/v1/forms/${setup.formId}/records/query`;
  const httpRequests: RequestSpec[] = [];
  let httpCursor: string | undefined;
  for (let p = 0; p < pageCount; p++) {
    const request: RequestSpec = {
      method: 'POST',
      path,
      headers: who.caller.headers,
      body: listBody(LIST_SPEC, httpCursor),
    };
    const result = await load.sequential({ base: formflowBase, requests: [request], repeat: 1, keepBodyChars: 1e7 });
    if (result.statuses['404'] && result.bodies[0]?.includes('no route')) {
      console.log(`**${path} does not exist yet**: measuring the SQL and the bare route only.`);
      break;
    }
    if (result.firstFailure) throw new Error(`${path} as ${who.label}: ${result.firstFailure}`);
    const { ids, nextCursor } = readPage(result.bodies[0]!);
    if (ids.join() !== storeIds[p]!.join())
      throw new Error(`the API's page ${p + 1} differs from buildListQuery's (${who.label})`);
    httpRequests.push(request);
    httpCursor = nextCursor ?? undefined;
    if (p < pageCount - 1 && !httpCursor) throw new Error(`no next cursor after page ${p + 1}`);
  }
  const bareRequests = handParams.map((params, p): RequestSpec => ({
    method: 'POST',
    path: `/q/list-${kind}-${p === 0 ? 'first' : 'after'}`,
    headers: {},
    body: params,
  }));

  const contestants = (pages: number[]): QueryCase['contestants'] => [
    {
      name: 'bare SQL in better-sqlite3 (baseline)',
      kind: 'sql',
      operations: pages.map((p) => () => (p === 0 ? first : after).all(...handParams[p]!)),
    },
    {
      name: "Formflow's SQL (buildListQuery) in better-sqlite3",
      kind: 'sql',
      operations: pages.map((p) => storePages[p]!.run),
    },
    {
      name: 'bare Fastify route + bare SQL, HTTP',
      kind: 'http',
      base: bareBase,
      requests: pages.map((p) => bareRequests[p]!),
    },
    ...(httpRequests.length === pageCount
      ? [
          {
            name: `Formflow HTTP, ${who.label}`,
            kind: 'http' as const,
            base: formflowBase,
            requests: pages.map((p) => httpRequests[p]!),
          },
        ]
      : []),
  ];
  const cursorPages = Array.from({ length: pageCount - 1 }, (_, i) => i + 1);
  return [
    { title: `List, first page — ${who.label}`, contestants: contestants([0]), notes: plans },
    ...(pageCount > 1
      ? [{ title: `List, cursor pages 2–${pageCount} — ${who.label}`, contestants: contestants(cursorPages) }]
      : []),
  ];
}

export async function runListBench(
  load: LoadClient,
  store: Store,
  setup: CrmSetup,
  callers: { ownerKey: Caller; rep: Caller },
  bases: { formflow: string; bare: string },
  options: { rounds: number; perRound: number },
): Promise<void> {
  const matching = (
    store.db
      .prepare(`SELECT count(*) AS n FROM records WHERE form_id = ? AND json_extract(data, '$."stage"') = 'quote'`)
      .get(setup.formId) as { n: number }
  ).n;
  console.log(
    `\n## List: stage = quote (${matching.toLocaleString('en-US')} matching records), sort amount desc, 50 per page\n`,
  );
  const whos: ListWho[] = [
    { label: 'owner (all rows)', caller: callers.ownerKey },
    {
      label: 'sales rep (row filter owner = me)',
      caller: callers.rep,
      scope: salesGroup(setup.salesRoleId).rowFilter!,
    },
  ];
  for (const who of whos) {
    for (const qc of await listCases(load, store, setup, bases.formflow, bases.bare, who)) {
      printQueryCase(qc, await runQueryCase(load, qc, options.rounds, options.perRound), 10);
    }
  }
}
