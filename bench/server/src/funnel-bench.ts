import { fieldRegistry, type FilterContext } from '@formflow/engine';
import { buildAggregateQuery, type Store } from '@formflow/store';
import { aggregateBody, readFunnel, type AggregateSpec } from './api-shapes.js';
import { dealsForm, salesGroup } from './crm-form.js';
import type { Caller, CrmSetup } from './formflow-harness.js';
import type { LoadClient } from './load-client.js';
import type { RequestSpec } from './load-jobs.js';
import { printQueryCase, runQueryCase, type QueryCase } from './query-rounds.js';
import { planSummary } from './stats.js';

export const FUNNEL_SPEC: AggregateSpec = {
  groupBy: [{ field: 'stage' }],
  measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
};

const HAND_SQL = (rowFilter: boolean): string =>
  `SELECT json_extract(data, '$."stage"') AS g0, count(*) AS m0, sum(json_extract(data, '$."amount"')) AS m1
   FROM records WHERE workspace_id = ? AND form_id = ? AND deleted_at IS NULL
   ${rowFilter ? `AND json_extract(data, '$."owner"') = ?` : ''}
   GROUP BY g0 ORDER BY g0`;

/** The bare funnel statements the bare HTTP server also runs (`funnel-owner`, `funnel-rep`). */
export function handFunnelStatements(store: Store): Record<string, (params: unknown[]) => unknown> {
  const owner = store.db.prepare(HAND_SQL(false));
  const rep = store.db.prepare(HAND_SQL(true));
  return { 'funnel-owner': (p) => owner.all(...p), 'funnel-rep': (p) => rep.all(...p) };
}

type Group = { g0: string; m0: number; m1: number };

async function funnelCase(
  load: LoadClient,
  store: Store,
  setup: CrmSetup,
  bases: { formflow: string; bare: string },
  who: { label: string; caller: Caller; rep: boolean },
): Promise<QueryCase> {
  const ctx: FilterContext = {
    memberId: who.caller.memberId,
    departmentIds: [],
    now: new Date(),
    timezone: 'Asia/Shanghai',
  };
  const scope = who.rep ? { scope: salesGroup(setup.salesRoleId).rowFilter! } : {};
  const q = buildAggregateQuery(
    { workspaceId: setup.workspaceId, formId: setup.formId, ...FUNNEL_SPEC, ...scope },
    dealsForm,
    fieldRegistry,
    ctx,
    { foldFunction: true },
  );
  const storeStmt = store.db.prepare(q.sql);
  const handStmt = store.db.prepare(HAND_SQL(who.rep));
  const handParams = [setup.workspaceId, setup.formId, ...(who.rep ? [who.caller.memberId] : [])];
  const hand = handStmt.all(...handParams) as Group[];
  const mine = storeStmt.all(...q.params) as Group[];
  const key = (gs: Group[]): string => gs.map((g) => `${g.g0}:${g.m0}:${Math.round(g.m1 * 100)}`).join();
  if (key(hand) !== key(mine)) throw new Error(`hand-written SQL and buildAggregateQuery disagree (${who.label})`);

  const path = `/api/v1/forms/${setup.formId}/aggregate`;
  const request: RequestSpec = { method: 'POST', path, headers: who.caller.headers, body: aggregateBody(FUNNEL_SPEC) };
  const probe = await load.sequential({ base: bases.formflow, requests: [request], repeat: 1, keepBodyChars: 1e6 });
  let routeReady = true;
  if (probe.statuses['404'] && probe.bodies[0]?.includes('no route')) {
    console.log(`**${path} does not exist yet**: measuring the SQL and the bare route only.`);
    routeReady = false;
  } else if (probe.firstFailure) {
    throw new Error(`${path} as ${who.label}: ${probe.firstFailure}`);
  } else {
    // The API must answer the same groups, counts and sums as the SQL.
    const expected = mine.map((g) => `${g.g0}:${g.m0}:${Math.round(g.m1 * 100)}`);
    if (readFunnel(probe.bodies[0]!).join() !== expected.join()) {
      throw new Error(`the API's funnel differs from the SQL: ${readFunnel(probe.bodies[0]!).join()}`);
    }
  }
  const kind = who.rep ? 'rep' : 'owner';
  return {
    title: `Funnel: count and sum(amount) by stage — ${who.label}`,
    notes: [
      `query plan, bare SQL: ${planSummary(store.db, HAND_SQL(who.rep), handParams)}`,
      `query plan, buildAggregateQuery: ${planSummary(store.db, q.sql, q.params)}`,
    ],
    contestants: [
      { name: 'bare SQL in better-sqlite3 (baseline)', kind: 'sql', operations: [() => handStmt.all(...handParams)] },
      {
        name: "Formflow's SQL (buildAggregateQuery) in better-sqlite3",
        kind: 'sql',
        operations: [() => storeStmt.all(...q.params)],
      },
      {
        name: 'bare Fastify route + bare SQL, HTTP',
        kind: 'http',
        base: bases.bare,
        requests: [{ method: 'POST', path: `/q/funnel-${kind}`, headers: {}, body: handParams }],
      },
      ...(routeReady
        ? [{ name: `Formflow HTTP, ${who.label}`, kind: 'http' as const, base: bases.formflow, requests: [request] }]
        : []),
    ],
  };
}

/** Target 3: the funnel over every record of the form (owner) and over a sales rep's rows (row filter). */
export async function runFunnelBench(
  load: LoadClient,
  store: Store,
  setup: CrmSetup,
  callers: { ownerKey: Caller; rep: Caller },
  bases: { formflow: string; bare: string },
  options: { rounds: number; perRound: number },
): Promise<void> {
  console.log('\n## Funnel: POST /aggregate, count and sum(amount) grouped by stage\n');
  for (const who of [
    { label: 'owner (all rows)', caller: callers.ownerKey, rep: false },
    { label: 'sales rep (row filter owner = me)', caller: callers.rep, rep: true },
  ]) {
    const qc = await funnelCase(load, store, setup, bases, who);
    printQueryCase(qc, await runQueryCase(load, qc, options.rounds, options.perRound), 150);
  }
}
