import { computeRelationValues, relationLinks, relationPlan, slotIds, type LogicContext } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import type { RecordData, RecordLinkRepository, StoredRecord } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';
import type { LiveForm } from '../context/definition-cache.js';
import { linkIndex } from './link-index.js';
import { linkedRecords, type LinkedRecords } from './linked-records.js';

/** How many levels of records-linking-to-records one change rewrites (A changes → B's lookup → C's lookup …). */
export const MAX_PROPAGATION_DEPTH = 5;
/** How many derived updates one change may make in its transaction. */
export const MAX_PROPAGATION_WRITES = 10_000;

export type PropagationResult = {
  /** Ids of the records whose derived values were rewritten, in write order (the changed record's own first). */
  updated: string[];
  /** The changed record as it now stands, when propagation rewrote its own derived values (e.g. on restore). */
  record?: StoredRecord;
  /** True when the depth or write limit stopped propagation while more derived values were out of date. */
  truncated: boolean;
};

const toLinks = (form: FormDef, data: RecordData) =>
  relationLinks(form, data).map((link) => ({ fieldKey: link.key, toRecordId: link.toRecordId }));

type Rewrite = {
  ctx: ServerContext;
  workspaceId: string;
  actor: string | null;
  linked: LinkedRecords;
  context: LogicContext;
};

/**
 * Recomputes the derived values of `record` (those reading `slots`, or all) and writes what changed as one update
 * (history: action `update`, the original actor). Returns the updated record, or undefined when nothing changed.
 */
function rewrite(
  run: Rewrite,
  record: StoredRecord,
  form: { definition: FormDef; version: number },
  slots?: ReadonlySet<string>,
): StoredRecord | undefined {
  const { values, changed } = computeRelationValues(form.definition, record.data, run.linked.load, {
    ...(slots ? { slots } : {}),
    context: run.context,
  });
  if (changed.length === 0) return undefined;
  const patch: RecordData = {};
  for (const id of changed) patch[id] = values[id] ?? null;
  const result = run.ctx.store.records.updateRecord({
    workspaceId: run.workspaceId,
    id: record.id,
    expectedVersion: record.version,
    formVersion: form.version,
    patch,
    actor: run.actor,
  });
  // Inside the write's transaction nothing else can have touched the record: a failure here is a bug, and throwing
  // rolls the whole write back rather than leaving derived values out of step.
  if (!result.ok) throw new Error(`derived update of record ${record.id} failed: ${result.reason}`);
  run.linked.remember(record.id, record.formId, result.record.data);
  return result.record;
}

/** The records linking to `recordId`, grouped: record id → its form and the relation slots that hold the link. */
function linkersOf(links: RecordLinkRepository, workspaceId: string, recordId: string) {
  const grouped = new Map<string, { formId: string; keys: Set<string> }>();
  for (const link of links.linkersOf(workspaceId, recordId)) {
    const entry = grouped.get(link.fromRecordId) ?? { formId: link.fromFormId, keys: new Set<string>() };
    entry.keys.add(link.fieldKey);
    grouped.set(link.fromRecordId, entry);
  }
  return grouped;
}

/**
 * After a record of `formId` was created, updated, deleted or restored, keeps relation-derived values consistent
 * (DESIGN §6). Call it INSIDE the write's transaction (`ctx.store.db.transaction(...)`), right after the write: the
 * derived updates then commit or roll back with it.
 * 1. Stores the record's own links in the link index (`record_links`).
 * 2. Re-derives the record's own lookups/rollups when it is live (a restored record may hold stale ones); when they
 *    changed, `result.record` is the record as it now stands (answer with it: its version moved on).
 * 3. Walks the records linking to it (any form, the same form included), recomputes the lookups and rollups that
 *    read those relations and the formulas reading them, and writes the ones that changed, then does the same for
 *    the records linking to those, up to `MAX_PROPAGATION_DEPTH` levels. A change that alters no derived value
 *    writes nothing, which is also what stops cycles (customer ↔ contract); records in the recycle bin are skipped.
 *    A record just created has no linkers yet (nobody knew its id), so `created` skips this walk.
 * `form`: the record's live form when the caller holds it already (one read fewer on the hot create path).
 */
export function propagateRelationChanges(
  ctx: ServerContext,
  workspaceId: string,
  formId: string,
  recordId: string,
  actor: string | null,
  options: { created?: boolean; form?: LiveForm } = {},
): PropagationResult {
  const links = linkIndex(ctx);
  const run: Rewrite = {
    ctx,
    workspaceId,
    actor,
    linked: linkedRecords(ctx, workspaceId),
    context: { now: ctx.now() },
  };
  const result: PropagationResult = { updated: [], truncated: false };
  const forms = new Map<string, ReturnType<typeof ctx.definitions.liveForm>>();
  if (options.form) forms.set(formId, options.form);
  const liveForm = (id: string) => {
    if (!forms.has(id)) forms.set(id, ctx.definitions.liveForm(workspaceId, id));
    return forms.get(id);
  };

  const own = liveForm(formId);
  // A form without relation fields holds no links and derives nothing from them: its record is not read back (the
  // common case, and the hot create path). Only the records linking to it need a look.
  if (own === undefined || relationPlan(own.definition).slots.length > 0) {
    const changed = ctx.store.records.getRecord(workspaceId, recordId, { includeDeleted: true });
    if (!changed) links.removeLinks(workspaceId, recordId);
    else if (own) {
      links.setLinks(workspaceId, recordId, formId, toLinks(own.definition, changed.data));
      const refreshed = changed.deletedAt === null ? rewrite(run, changed, own) : undefined;
      if (refreshed) {
        result.updated.push(recordId);
        result.record = refreshed;
      }
    }
  }

  if (options.created) return result;
  const queue: { id: string; depth: number }[] = [{ id: recordId, depth: 0 }];
  const queued = new Set([recordId]);
  for (let head = 0; head < queue.length; head++) {
    const next = queue[head]!;
    queued.delete(next.id);
    for (const [linkerId, linker] of linkersOf(links, workspaceId, next.id)) {
      const form = liveForm(linker.formId);
      if (!form) continue;
      const plan = relationPlan(form.definition);
      const slots = new Set([...linker.keys].filter((key) => plan.derivedBySlot.has(key)));
      if (slots.size === 0) continue;
      const record = ctx.store.records.getRecord(workspaceId, linkerId);
      if (!record) continue;
      const holds = plan.slots.some((s) => slots.has(s.key) && slotIds(s, record.data).includes(next.id));
      if (!holds) {
        // A stale index row (the record was changed by a path that did not report it): repair, nothing to derive.
        links.setLinks(workspaceId, linkerId, linker.formId, toLinks(form.definition, record.data));
        continue;
      }
      if (next.depth + 1 > MAX_PROPAGATION_DEPTH || result.updated.length >= MAX_PROPAGATION_WRITES) {
        const { changed: stale } = computeRelationValues(form.definition, record.data, run.linked.load, { slots });
        if (stale.length > 0) result.truncated = true;
        continue;
      }
      const updated = rewrite(run, record, form, slots);
      if (!updated) continue;
      result.updated.push(linkerId);
      if (!queued.has(linkerId)) {
        queue.push({ id: linkerId, depth: next.depth + 1 });
        queued.add(linkerId);
      }
    }
  }
  return result;
}
