import jsonLogic from 'json-logic-js';
import { runInterleaved } from './interleaved.js';
import type { Rule } from '@formflow/schema';
import { compileRule } from '../../../packages/engine/src/rules/index.js';

/** One measured line: `ratio` is opsPerSec divided by the opsPerSec of the `baseline` row, measured in the same run. */
export type BenchRow = { name: string; opsPerSec: number; baseline: string; ratio: number };

const TODAY = '2025-03-15';
const DAY_MS = 86_400_000;

/** The realistic CRM churn rule, as written with Formflow's date_diff operator. */
export const CHURN_RULE: Rule = {
  and: [
    { '==': [{ var: 'tier' }, 'A'] },
    { '>': [{ date_diff: [{ var: 'lastFollowUp' }, { var: '$today' }, 'day'] }, 30] },
    { '<': [{ var: 'openOpportunities' }, 1] },
    { in: [{ var: 'status' }, ['active', 'at_risk']] },
  ],
};

/** The same rule without the custom operator (days precomputed), which json-logic-js can run. */
export const CHURN_RULE_PLAIN: Rule = {
  and: [
    { '==': [{ var: 'tier' }, 'A'] },
    { '>': [{ var: 'daysSinceFollowUp' }, 30] },
    { '<': [{ var: 'openOpportunities' }, 1] },
    { in: [{ var: 'status' }, ['active', 'at_risk']] },
  ],
};

type CrmRecord = {
  tier: string;
  lastFollowUp: string;
  daysSinceFollowUp: number;
  openOpportunities: number;
  status: string;
  $today: string;
};

/** Deterministic records where every clause of the rule is sometimes decisive. */
function makeRecords(n: number): CrmRecord[] {
  const tiers = ['A', 'A', 'B', 'C'];
  const statuses = ['active', 'at_risk', 'churned', 'active'];
  const today = Date.parse(`${TODAY}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => {
    const days = (i * 7) % 90;
    return {
      tier: tiers[i % 4] as string,
      lastFollowUp: new Date(today - days * DAY_MS).toISOString().slice(0, 10),
      daysSinceFollowUp: days,
      openOpportunities: (i * 3) % 4 === 0 ? 0 : 1,
      status: statuses[(i >> 2) % 4] as string,
      $today: TODAY,
    };
  });
}

function handWritten(r: CrmRecord): boolean {
  return (
    r.tier === 'A' &&
    r.daysSinceFollowUp > 30 &&
    r.openOpportunities < 1 &&
    (r.status === 'active' || r.status === 'at_risk')
  );
}

/**
 * Measures json-logic-js `apply` (baseline), Formflow's compiled rule on the same plain rule, the compiled custom-op
 * rule, and a hand-written JS function (ceiling), in interleaved rounds (interleaved.ts). Each call evaluates a batch
 * of records, so timer overhead does not dominate; opsPerSec is rule evaluations per second.
 */
export async function runRulesBench(options: { roundMs?: number; batch?: number } = {}): Promise<BenchRow[]> {
  const batch = options.batch ?? 1000;
  const records = makeRecords(batch);
  const compiledPlain = compileRule(CHURN_RULE_PLAIN);
  const compiledCustom = compileRule(CHURN_RULE);
  let sink = 0;
  const check = (name: string, f: (r: CrmRecord) => unknown) => {
    const hits = records.filter((r) => !!f(r)).length;
    if (hits !== records.filter(handWritten).length) throw new Error(`${name} disagrees with the hand-written rule`);
  };
  check('json-logic-js', (r) => jsonLogic.apply(CHURN_RULE_PLAIN as never, r));
  check('compiled plain', compiledPlain);
  check('compiled date_diff', compiledCustom);

  const plain = CHURN_RULE_PLAIN as never;
  // One loop body per task, so no task pays for a call site shared with the others.
  const tasks: [string, () => void][] = [
    [
      'json-logic-js apply (plain rule)',
      () => {
        for (let i = 0; i < records.length; i++) if (jsonLogic.apply(plain, records[i])) sink++;
      },
    ],
    [
      'compiled (plain rule)',
      () => {
        for (let i = 0; i < records.length; i++) if (compiledPlain(records[i])) sink++;
      },
    ],
    [
      'compiled (date_diff rule)',
      () => {
        for (let i = 0; i < records.length; i++) if (compiledCustom(records[i])) sink++;
      },
    ],
    [
      'hand-written JS (plain rule)',
      () => {
        for (let i = 0; i < records.length; i++) if (handWritten(records[i] as CrmRecord)) sink++;
      },
    ],
  ];
  const results = runInterleaved(
    tasks.map(([name, run]) => ({ name, run })),
    batch,
    9,
    options.roundMs ?? 250,
  );
  if (sink < 0) throw new Error('unreachable');
  const baselineName = tasks[0]![0];
  return results.map((r) => ({
    name: r.name,
    opsPerSec: Math.round(r.opsPerSec),
    baseline: `${baselineName} (same round)`,
    ratio: Math.round(r.ratio * 10) / 10,
  }));
}
