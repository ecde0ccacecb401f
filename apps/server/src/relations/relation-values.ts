import { computeRelationValues, type LogicContext } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import type { RecordData } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';
import { linkedRecords } from './linked-records.js';

export { propagateRelationChanges, type PropagationResult } from './propagate-relation-changes.js';

/**
 * Fills the lookup fields and relation rollups of `data` from the records its relation fields link to (same
 * workspace, live records of the relation's form only: a missing or deleted one is skipped), and re-evaluates the
 * formulas that read them. Call it with the validated values of the whole record, before the write is stored;
 * returns the data to store (a new object; `data` is not changed). It never refuses a write: to refuse links to
 * records that do not exist, call `checkRelationTargets` first. `context` (the writer, the time, the zone) is what
 * rollup conditions and re-evaluated formulas see; default: now, no member, Asia/Shanghai.
 */
export function deriveRelationValues(
  ctx: ServerContext,
  workspaceId: string,
  form: FormDef,
  data: RecordData,
  context: LogicContext = { now: ctx.now() },
): RecordData {
  const { load } = linkedRecords(ctx, workspaceId);
  return computeRelationValues(form, data, load, { context }).values;
}
